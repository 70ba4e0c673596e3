package io.github.groqspring.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaInstancesTests {

	@Test
	void requiredPropertiesOnlyWithTheSmallestValidValues() {
		assertThat(minimal("""
				{"type":"object","required":["a","b","c","d","e","f"],"properties":{
				 "a":{"type":"string"},"b":{"type":"integer","minimum":3},"c":{"type":"number","maximum":-1},
				 "d":{"type":"boolean"},"e":{"type":"null"},"f":{"type":"array","items":{"type":"string"}},
				 "optional":{"type":"string"}}}""")).isEqualTo("{\"a\":\"\",\"b\":3,\"c\":-1.0,\"d\":false,\"e\":null,\"f\":[]}");
	}

	@Test
	void enumsConstsBranchesAndFormats() {
		assertThat(minimal("""
				{"type":"object","required":["e","k","any","all","when","mail","id"],"properties":{
				 "e":{"enum":["x","y"]},"k":{"const":7},"any":{"anyOf":[{"type":"integer"},{"type":"string"}]},
				 "all":{"allOf":[{"type":"object","required":["p"],"properties":{"p":{"type":"boolean"}}},
				   {"type":"object","required":["q"],"properties":{"q":{"type":"string","minLength":2}}}]},
				 "when":{"type":"string","format":"date-time"},"mail":{"type":"string","format":"email"},
				 "id":{"type":"string","format":"uuid"}}}"""))
			.isEqualTo("{\"e\":\"x\",\"k\":7,\"any\":0,\"all\":{\"p\":false,\"q\":\"aa\"},"
					+ "\"when\":\"2026-01-01T00:00:00Z\",\"mail\":\"user@example.com\","
					+ "\"id\":\"00000000-0000-0000-0000-000000000000\"}");
	}

	@Test
	void followsLocalRefsAndStopsAtCycles() {
		assertThat(minimal("""
				{"$ref":"#/definitions/node","definitions":{"node":{"type":"object","required":["next"],
				 "properties":{"next":{"$ref":"#/definitions/node"}}}}}""")).isEqualTo("{\"next\":null}");
	}

	@Test
	void anAbsentSchemaIsAnyObject() {
		assertThat(SchemaInstances.minimal(null).toString()).isEqualTo("{}");
	}

	private static String minimal(String schema) {
		return SchemaInstances.minimal(WireFormat.JSON.readTree(schema)).toString();
	}

}
