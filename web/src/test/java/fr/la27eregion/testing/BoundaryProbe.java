package fr.la27eregion.testing;

import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Test-only servlet of the authorization matrix: calls one boundary method (of a {@code @Stateless} or
 * {@code @Singleton} bean) ({@code ?method=Class#name}, the
 * class by its full name) as whoever the request authenticated as (HTTP Basic, under {@code /api/}), with default
 * arguments, and answers {@code allowed} or {@code refused}. Refused means the container's
 * {@code EJBAccessException}; anything else (a rule refusing null arguments, say) happened past the security
 * check, so the call was allowed.
 */
@WebServlet("/api/test-probe")
public class BoundaryProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] target = request.getParameter("method").split("#");
        String outcome;
        try {
            Class<?> type = Class.forName(target[0]);
            Object bean = new InitialContext().lookup("java:module/" + type.getSimpleName());
            Method method = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(target[1]))
                    .findFirst().orElseThrow();
            Object[] arguments = Arrays.stream(method.getParameterTypes()).map(BoundaryProbe::defaultValue).toArray();
            try {
                method.invoke(bean, arguments);
                outcome = "allowed";
            } catch (InvocationTargetException e) {
                outcome = refused(e.getCause()) ? "refused" : "allowed";
            }
        } catch (ClassNotFoundException | NamingException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        response.setContentType("text/plain");
        response.getWriter().write(outcome);
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EJBAccessException) {
                return true;
            }
        }
        return false;
    }

    private static Object defaultValue(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        // empty rather than null, so a method that loops over its argument does nothing (an asynchronous one would
        // fail in the background)
        if (type == java.util.List.class) {
            return java.util.List.of();
        }
        if (type == java.util.Map.class) {
            return java.util.Map.of();
        }
        return null;
    }
}
