package io.github.groqspring.internal.http;

import java.util.List;

import io.github.groqspring.chat.ChatCompletion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link RecordCreatorModule}.
 */
class RecordCreatorModuleTests {

	private final JsonMapper plain = JsonMapper.builder().build();

	private final JsonMapper module = JsonMapper.builder().addModule(new RecordCreatorModule()).build();

	@Test
	void publicRecordsAreCreatedThroughTheSpreadHandleWithTheSameValues() {
		String json = "{\"name\":\"a\",\"sizes\":[1,2],\"inner\":{\"value\":7}}";
		Outer viaModule = this.module.readValue(json, Outer.class);
		assertThat(viaModule).isEqualTo(this.plain.readValue(json, Outer.class))
			.isEqualTo(new Outer("a", List.of(1, 2), new Inner(7)));
		ValueInstantiator instantiator = instantiatorOf(this.module, Outer.class);
		assertThat(instantiator).isInstanceOf(RecordCreatorModule.SpreadingInstantiator.class);
	}

	@Test
	void groqResponsesReadTheSame() {
		String json = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},"
				+ "\"logprobs\":{\"content\":[{\"token\":\"hi\"}]},\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4},"
				+ "\"x_groq\":{\"id\":\"req_1\"},\"service_tier\":\"on_demand\"}";
		ChatCompletion completion = this.module.readValue(json, ChatCompletion.class);
		assertThat(completion).isEqualTo(this.plain.readValue(json, ChatCompletion.class));
		assertThat(completion.choices().get(0).finishReason()).isEqualTo("stop");
		assertThat(completion.choices().get(0).message().content()).isEqualTo("hi");
	}

	@Test
	void aThrowingConstructorFailsExactlyAsWithoutTheModule() {
		String json = "{\"value\":-1}";
		ValueInstantiationException withModule = catchThrowableOfType(ValueInstantiationException.class,
				() -> this.module.readValue(json, Inner.class));
		ValueInstantiationException without = catchThrowableOfType(ValueInstantiationException.class,
				() -> this.plain.readValue(json, Inner.class));
		assertThat(withModule).hasMessage(without.getMessage());
		assertThat(withModule.getCause()).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("value must not be negative, was -1");
	}

	@Test
	void nonPublicRecordsKeepJacksonsInstantiator() {
		assertThat(this.module.readValue("{\"value\":3}", Hidden.class)).isEqualTo(new Hidden(3));
		assertThat(instantiatorOf(this.module, Hidden.class))
			.isNotInstanceOf(RecordCreatorModule.SpreadingInstantiator.class);
	}

	private static ValueInstantiator instantiatorOf(JsonMapper mapper, Class<?> type) {
		DeserializationContext context = mapper._deserializationContext();
		return ((ValueInstantiator.Gettable) context.findRootValueDeserializer(mapper.constructType(type)))
			.getValueInstantiator();
	}

	public record Outer(String name, List<Integer> sizes, Inner inner) {
	}

	public record Inner(int value) {

		public Inner {
			if (value < 0) {
				throw new IllegalArgumentException("value must not be negative, was " + value);
			}
		}

	}

	record Hidden(int value) {
	}

}
