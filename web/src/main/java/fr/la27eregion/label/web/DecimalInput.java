package fr.la27eregion.label.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.math.BigDecimal;

/**
 * A decimal as a French reader types it ({@code 1,5}) or an English one ({@code 1.5}), spaces allowed as thousands
 * separators: the standard BigDecimal converter refuses the comma. Shown back with the decimal point, which both
 * read. A criterion's weight is one ({@code WEB-INF/includes/label/criteria-editor.xhtml}).
 */
@FacesConverter("label.decimal")
public class DecimalInput implements Converter<BigDecimal> {

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String typed = value.strip().replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
        try {
            return new BigDecimal(typed);
        } catch (NumberFormatException wrong) {
            String text = (String) component.getAttributes().getOrDefault("converterMessage", value);
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text), wrong);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
