package io.github.groqspring.chat;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/**
 * JSON schemas generated from Java records, in the form Groq's strict structured outputs
 * ({@code response_format} {@code json_schema} with {@code strict: true}) require: every
 * object lists all its properties in {@code required} and sets
 * {@code additionalProperties: false}; an {@link Optional} or {@code @Nullable} component
 * is still required but may be {@code null}.
 *
 * <p>Supported component types: {@code String}, {@code char}, numbers (primitives, their
 * wrappers, {@link BigInteger}, {@link BigDecimal}), {@code boolean}, enums (their
 * constant names, or {@link JsonProperty @JsonProperty} values), nested records, arrays
 * and collections of these, and {@link Optional} of these. {@link JsonProperty} renames a
 * component and {@link JsonPropertyDescription} describes it.
 */
public final class JsonSchemas {

	private static final ClassValue<Map<String, Object>> CACHE = new ClassValue<>() {

		@Override
		protected Map<String, Object> computeValue(Class<?> type) {
			return deepUnmodifiable(objectSchema(type, new ArrayList<>()));
		}

	};

	private static final Set<Class<?>> INTEGERS = Set.of(int.class, long.class, short.class, byte.class,
			Integer.class, Long.class, Short.class, Byte.class, BigInteger.class);

	private static final Set<Class<?>> NUMBERS = Set.of(double.class, float.class, Double.class, Float.class,
			BigDecimal.class);

	private JsonSchemas() {
	}

	/**
	 * The strict JSON schema of a record: an object with one property per component, in
	 * declaration order.
	 * @param recordType the record
	 * @return the schema, unmodifiable
	 * @throws IllegalArgumentException when the type is not a record, or a component's type
	 * has no strict JSON schema (the message names the record and the component)
	 */
	public static Map<String, Object> of(Class<?> recordType) {
		if (!recordType.isRecord()) {
			throw new IllegalArgumentException(
					recordType.getName() + " is not a record: structured output needs a record type");
		}
		return CACHE.get(recordType);
	}

	/**
	 * A strict {@code json_schema} response format for a record, named after the record's
	 * simple name.
	 * @param recordType the record
	 * @return the response format
	 * @throws IllegalArgumentException as {@link #of(Class)}
	 */
	public static ResponseFormat responseFormat(Class<?> recordType) {
		return ResponseFormat.jsonSchema(recordType.getSimpleName(), of(recordType), true);
	}

	private static Map<String, Object> objectSchema(Class<?> recordType, List<Class<?>> path) {
		if (path.contains(recordType)) {
			throw new IllegalArgumentException("Record " + recordType.getName()
					+ " contains itself: recursive records have no strict JSON schema here");
		}
		path.add(recordType);
		Map<String, Object> properties = new LinkedHashMap<>();
		for (RecordComponent component : recordType.getRecordComponents()) {
			Map<String, Object> schema;
			try {
				schema = componentSchema(component, path);
			}
			catch (UnsupportedTypeException ex) {
				throw new IllegalArgumentException("Record " + recordType.getName() + ", component '"
						+ component.getName() + "': " + ex.getMessage());
			}
			JsonPropertyDescription description = annotation(component, JsonPropertyDescription.class);
			if (description != null && !description.value().isEmpty()) {
				Map<String, Object> described = new LinkedHashMap<>();
				described.put("description", description.value());
				described.putAll(schema);
				schema = described;
			}
			properties.put(propertyName(component), schema);
		}
		path.remove(path.size() - 1);
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("properties", properties);
		schema.put("required", List.copyOf(properties.keySet()));
		schema.put("additionalProperties", false);
		return schema;
	}

	private static Map<String, Object> componentSchema(RecordComponent component, List<Class<?>> path) {
		Type type = component.getGenericType();
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
			return nullable(typeSchema(parameterized.getActualTypeArguments()[0], path));
		}
		Map<String, Object> schema = typeSchema(type, path);
		return isNullable(component) ? nullable(schema) : schema;
	}

	private static Map<String, Object> typeSchema(Type type, List<Class<?>> path) {
		if (type instanceof Class<?> cls) {
			return classSchema(cls, path);
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
				&& Collection.class.isAssignableFrom(raw)) {
			return arraySchema(typeSchema(parameterized.getActualTypeArguments()[0], path));
		}
		if (type instanceof GenericArrayType array) {
			return arraySchema(typeSchema(array.getGenericComponentType(), path));
		}
		throw new UnsupportedTypeException("type " + type.getTypeName() + " has no strict JSON schema; use a "
				+ "String, number, boolean, enum, record, or an array, List or Optional of these");
	}

	private static Map<String, Object> classSchema(Class<?> type, List<Class<?>> path) {
		if (type == String.class || type == char.class || type == Character.class) {
			return scalar("string");
		}
		if (INTEGERS.contains(type)) {
			return scalar("integer");
		}
		if (NUMBERS.contains(type)) {
			return scalar("number");
		}
		if (type == boolean.class || type == Boolean.class) {
			return scalar("boolean");
		}
		if (type.isEnum()) {
			return enumSchema(type);
		}
		if (type.isRecord()) {
			return objectSchema(type, path);
		}
		if (type.isArray() && type != byte[].class) {
			return arraySchema(classSchema(type.getComponentType(), path));
		}
		if (Collection.class.isAssignableFrom(type) || type == Optional.class) {
			throw new UnsupportedTypeException("raw type " + type.getName() + " needs a type argument, e.g. List<String>");
		}
		throw new UnsupportedTypeException("type " + type.getName() + " has no strict JSON schema; use a String, "
				+ "number, boolean, enum, record, or an array, List or Optional of these");
	}

	private static Map<String, Object> enumSchema(Class<?> type) {
		List<Object> values = new ArrayList<>();
		for (Object constant : type.getEnumConstants()) {
			String name = ((Enum<?>) constant).name();
			try {
				Field field = type.getField(name);
				JsonProperty property = field.getAnnotation(JsonProperty.class);
				values.add((property != null && !property.value().isEmpty()) ? property.value() : name);
			}
			catch (NoSuchFieldException ex) {
				values.add(name);
			}
		}
		Map<String, Object> schema = scalar("string");
		schema.put("enum", values);
		return schema;
	}

	private static Map<String, Object> arraySchema(Map<String, Object> items) {
		Map<String, Object> schema = scalar("array");
		schema.put("items", items);
		return schema;
	}

	private static Map<String, Object> scalar(String type) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", type);
		return schema;
	}

	/**
	 * A schema that also allows {@code null}: {@code "type":[type,"null"]} for simple
	 * types (with {@code null} among an enum's values), {@code anyOf} for objects.
	 */
	private static Map<String, Object> nullable(Map<String, Object> schema) {
		if ("object".equals(schema.get("type"))) {
			Map<String, Object> anyOf = new LinkedHashMap<>();
			anyOf.put("anyOf", List.of(schema, scalar("null")));
			return anyOf;
		}
		Map<String, Object> copy = new LinkedHashMap<>(schema);
		copy.put("type", List.of(schema.get("type"), "null"));
		if (copy.get("enum") instanceof List<?> values) {
			List<Object> withNull = new ArrayList<>(values);
			withNull.add(null);
			copy.put("enum", Collections.unmodifiableList(withNull));
		}
		return copy;
	}

	private static boolean isNullable(RecordComponent component) {
		return hasNullable(component.getAnnotatedType().getAnnotations()) || hasNullable(component.getAnnotations())
				|| hasNullable(component.getAccessor().getAnnotations());
	}

	private static boolean hasNullable(Annotation[] annotations) {
		for (Annotation annotation : annotations) {
			if (annotation.annotationType().getSimpleName().equals("Nullable")) {
				return true;
			}
		}
		return false;
	}

	private static String propertyName(RecordComponent component) {
		JsonProperty property = annotation(component, JsonProperty.class);
		return (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
	}

	private static <A extends Annotation> @Nullable A annotation(RecordComponent component, Class<A> type) {
		for (@Nullable AnnotatedElement element : new @Nullable AnnotatedElement[] { component, component.getAccessor(),
				field(component) }) {
			A annotation = (element != null) ? element.getAnnotation(type) : null;
			if (annotation != null) {
				return annotation;
			}
		}
		return null;
	}

	private static @Nullable Field field(RecordComponent component) {
		try {
			return component.getDeclaringRecord().getDeclaredField(component.getName());
		}
		catch (NoSuchFieldException ex) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> deepUnmodifiable(Map<String, Object> schema) {
		Map<String, Object> copy = new LinkedHashMap<>();
		schema.forEach((key, value) -> copy.put(key, (value instanceof Map<?, ?> map)
				? deepUnmodifiable((Map<String, Object>) map) : (value instanceof List<?> list) ? deepUnmodifiable(list) : value));
		return Collections.unmodifiableMap(copy);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> deepUnmodifiable(List<?> list) {
		List<Object> copy = new ArrayList<>();
		for (Object value : list) {
			copy.add((value instanceof Map<?, ?> map) ? deepUnmodifiable((Map<String, Object>) map) : value);
		}
		return Collections.unmodifiableList(copy);
	}

	/** A component type without a strict schema; rethrown naming the record and component. */
	private static final class UnsupportedTypeException extends RuntimeException {

		UnsupportedTypeException(String message) {
			super(message);
		}

	}

}
