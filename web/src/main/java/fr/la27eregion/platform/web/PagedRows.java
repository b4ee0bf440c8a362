package fr.la27eregion.platform.web;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The rows of a lazy {@code p:dataTable} read a page at a time from a boundary (LIMIT and OFFSET in its query,
 * never every row), keyed by their id: what every list of the intranet needs, said once. The functions are
 * serializable, as the view-scoped beans holding them are.
 *
 * @param <R> a row as the table shows it
 */
public final class PagedRows<R> extends LazyDataModel<R> {

    private static final long serialVersionUID = 1L;

    /** How many rows there are in all. */
    @FunctionalInterface
    public interface Count extends Serializable {
        long count();
    }

    /** One page of rows. */
    @FunctionalInterface
    public interface Page<R> extends Serializable {
        List<R> page(int first, int size);
    }

    /** A row's key (its id). */
    @FunctionalInterface
    public interface Key<R> extends Serializable {
        Object key(R row);
    }

    private final Count count;
    private final Page<R> page;
    private final Key<R> key;

    private PagedRows(Count count, Page<R> page, Key<R> key) {
        this.count = count;
        this.page = page;
        this.key = key;
    }

    public static <R> PagedRows<R> of(Count count, Page<R> page, Key<R> key) {
        return new PagedRows<>(count, page, key);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, count.count());
    }

    @Override
    public List<R> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return page.page(first, pageSize);
    }

    @Override
    public String getRowKey(R row) {
        return String.valueOf(key.key(row));
    }

    /** The row of this key among the rows shown, or null. */
    @Override
    public R getRowData(String rowKey) {
        List<R> shown = getWrappedData();
        return (shown == null ? List.<R>of() : shown).stream()
                .filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
    }
}
