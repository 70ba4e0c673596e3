package io.github.groqspring.chat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonSchemasTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	enum Currency {

		EUR, USD, @JsonProperty("gbp") GBP

	}

	record LineItem(String description, int quantity, BigDecimal unitPrice) {
	}

	record Address(String city, @Nullable String postcode) {
	}

	record Invoice(@JsonPropertyDescription("Who is billed") String customer, List<LineItem> items, double total,
			Currency currency, boolean paid, Optional<String> note, @Nullable Address billingAddress,
			@JsonProperty("due_days") long dueDays, Set<String> tags, String[] codes) {
	}

	@Test
	void recordBecomesStrictSchemaWithEveryPropertyRequiredAndNullablesAsNullUnions() throws Exception {
		String schema = JSON.writeValueAsString(JsonSchemas.of(Invoice.class));
		JSONAssert.assertEquals("""
				{"type":"object","properties":{
				  "customer":{"description":"Who is billed","type":"string"},
				  "items":{"type":"array","items":{"type":"object","properties":{
				     "description":{"type":"string"},"quantity":{"type":"integer"},"unitPrice":{"type":"number"}},
				     "required":["description","quantity","unitPrice"],"additionalProperties":false}},
				  "total":{"type":"number"},
				  "currency":{"type":"string","enum":["EUR","USD","gbp"]},
				  "paid":{"type":"boolean"},
				  "note":{"type":["string","null"]},
				  "billingAddress":{"anyOf":[{"type":"object","properties":{
				     "city":{"type":"string"},"postcode":{"type":["string","null"]}},
				     "required":["city","postcode"],"additionalProperties":false},{"type":"null"}]},
				  "due_days":{"type":"integer"},
				  "tags":{"type":"array","items":{"type":"string"}},
				  "codes":{"type":"array","items":{"type":"string"}}},
				 "required":["customer","items","total","currency","paid","note","billingAddress","due_days","tags","codes"],
				 "additionalProperties":false}""", schema, JSONCompareMode.STRICT);
	}

	record Rated(Optional<Currency> currency, @Nullable List<Integer> scores) {
	}

	@Test
	void nullableEnumAllowsNullAmongItsValuesAndNullableArrayAllowsNull() throws Exception {
		JSONAssert.assertEquals("""
				{"type":"object","properties":{
				  "currency":{"type":["string","null"],"enum":["EUR","USD","gbp",null]},
				  "scores":{"type":["array","null"],"items":{"type":"integer"}}},
				 "required":["currency","scores"],"additionalProperties":false}""",
				JSON.writeValueAsString(JsonSchemas.of(Rated.class)), JSONCompareMode.STRICT);
	}

	@Test
	void responseFormatIsStrictJsonSchemaNamedAfterTheRecord() throws Exception {
		ResponseFormat format = JsonSchemas.responseFormat(LineItem.class);
		JSONAssert.assertEquals("""
				{"type":"json_schema","json_schema":{"name":"LineItem","strict":true,"schema":{"type":"object",
				 "properties":{"description":{"type":"string"},"quantity":{"type":"integer"},"unitPrice":{"type":"number"}},
				 "required":["description","quantity","unitPrice"],"additionalProperties":false}}}""",
				JSON.writeValueAsString(format), JSONCompareMode.STRICT);
	}

	@Test
	void schemaIsUnmodifiable() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> JsonSchemas.of(LineItem.class).put("title", "x"));
	}

	record WithMap(String id, Map<String, String> attributes) {
	}

	record Outer(String id, WithMap inner) {
	}

	record WithObject(Object anything) {
	}

	record Node(String name, List<Node> children) {
	}

	record RawList(@SuppressWarnings("rawtypes") List values) {
	}

	@Test
	void mapComponentIsRefusedNamingTheRecordAndComponent() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonSchemas.of(WithMap.class))
			.withMessage("Record " + WithMap.class.getName() + ", component 'attributes': type "
					+ "java.util.Map<java.lang.String, java.lang.String> has no strict JSON schema; use a String, "
					+ "number, boolean, enum, record, or an array, List or Optional of these");
	}

	@Test
	void unsupportedComponentOfANestedRecordNamesTheNestedRecord() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonSchemas.of(Outer.class))
			.withMessageStartingWith("Record " + WithMap.class.getName() + ", component 'attributes': ");
	}

	@Test
	void objectComponentIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonSchemas.of(WithObject.class))
			.withMessage("Record " + WithObject.class.getName() + ", component 'anything': type java.lang.Object "
					+ "has no strict JSON schema; use a String, number, boolean, enum, record, or an array, List or "
					+ "Optional of these");
	}

	@Test
	void rawListIsRefusedAskingForATypeArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonSchemas.of(RawList.class))
			.withMessage("Record " + RawList.class.getName()
					+ ", component 'values': raw type java.util.List needs a type argument, e.g. List<String>");
	}

	@Test
	void recursiveRecordIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonSchemas.of(Node.class))
			.withMessage("Record " + Node.class.getName()
					+ " contains itself: recursive records have no strict JSON schema here");
	}

	@Test
	void classThatIsNotARecordIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonSchemas.of(String.class))
			.withMessage("java.lang.String is not a record: structured output needs a record type");
	}

	@Test
	void sameRecordGivesTheSameSchemaInstance() {
		assertThat(JsonSchemas.of(LineItem.class)).isSameAs(JsonSchemas.of(LineItem.class));
	}

}
