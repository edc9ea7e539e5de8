package org.copydesk.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * Field name → message for a form that came back. Kept in field order so the error summary at the
 * top of the page lists problems in the order the fields appear.
 */
public class FormErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();

    public FormErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    /** Refuses text holding a character that cannot be stored ({@link Text#hasControlCharacters}). */
    public FormErrors storable(String field, String value) {
        if (Text.hasControlCharacters(value)) {
            add(field, Text.CONTROL_CHARACTERS_MESSAGE);
        }
        return this;
    }

    /** A one-line field (a name, a headline): storable, and without line breaks. */
    public FormErrors singleLine(String field, String label, String value) {
        if (Text.hasControlCharacters(value)) {
            add(field, Text.CONTROL_CHARACTERS_MESSAGE);
        } else if (value != null && (value.contains("\n") || value.contains("\r"))) {
            add(field, label + " must be a single line of text");
        }
        return this;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    public Map<String, String> all() {
        return messages;
    }

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(String field, String message) {
        return new FormErrors().add(field, message);
    }

    /**
     * The Bean Validation answer for a form record, one message per field: the field is the first part of the
     * violation's path ({@code bylines[2].roleLine} is the field {@code bylines}). When a field breaks more than one
     * constraint, the one written first on it wins, and in a list the first row's; so the order the constraints are
     * written in on a field is the order its messages come in.
     */
    public static FormErrors of(Set<? extends ConstraintViolation<?>> violations) {
        FormErrors errors = new FormErrors();
        // Each violation's place worked out once (it reads the form's annotations), not at every comparison.
        violations.stream().map(v -> new Placed(v, rowOf(v), componentOf(v), writtenAt(v)))
                .sorted(Comparator.comparingInt(Placed::row).thenComparingInt(Placed::component).thenComparingInt(Placed::writtenAt))
                .forEach(p -> errors.add(p.violation().getPropertyPath().iterator().next().getName(), p.violation().getMessage()));
        return errors;
    }

    /** A violation and where it stands: its row in a list, its part of the row, its place among its field's rules. */
    private record Placed(ConstraintViolation<?> violation, int row, int component, int writtenAt) {
    }

    /** The same messages, the fields named in {@code order} first and in that order (the order of the page). */
    public FormErrors inOrder(List<String> order) {
        FormErrors ordered = new FormErrors();
        order.stream().filter(messages::containsKey).forEach(field -> ordered.add(field, messages.get(field)));
        messages.forEach(ordered::add);
        return ordered;
    }

    private static int rowOf(ConstraintViolation<?> violation) {
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        nodes.next();
        Integer row = nodes.hasNext() ? nodes.next().getIndex() : null;
        return row == null ? -1 : row;
    }

    /** Inside a row of a list: which of its parts (a rule about the whole row, or one not a component, first). */
    private static int componentOf(ConstraintViolation<?> violation) {
        String name = leafName(violation);
        RecordComponent[] components = violation.getLeafBean() == null ? null
                : violation.getLeafBean().getClass().getRecordComponents();
        if (name == null || components == null) {
            return -1;
        }
        return Arrays.stream(components).map(RecordComponent::getName).toList().indexOf(name);
    }

    /** Where the violated constraint is written among the annotations of its field (or getter). */
    private static int writtenAt(ConstraintViolation<?> violation) {
        Object bean = violation.getLeafBean();
        String name = leafName(violation);
        if (bean == null || name == null) {
            return -1;
        }
        AnnotatedElement element = declared(bean.getClass(), name);
        if (element == null) {
            return -1;
        }
        Class<? extends Annotation> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
        List<Class<? extends Annotation>> written = Arrays.stream(element.getDeclaredAnnotations())
                .<Class<? extends Annotation>>map(Annotation::annotationType).toList();
        return written.indexOf(type);
    }

    private static AnnotatedElement declared(Class<?> type, String property) {
        for (Field field : type.getDeclaredFields()) {
            if (field.getName().equals(property)) {
                return field;
            }
        }
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(getter) && method.getParameterCount() == 0) {
                return method;
            }
        }
        return null;
    }

    private static String leafName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name;
    }
}
