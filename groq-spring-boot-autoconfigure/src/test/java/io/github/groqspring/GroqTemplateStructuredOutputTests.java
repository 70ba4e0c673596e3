package io.github.groqspring;

import java.util.List;

import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.GroqStructuredOutputException;
import io.github.groqspring.chat.ResponseFormat;
import io.github.groqspring.chat.StructuredOutput;
import io.github.groqspring.test.EmulatedResponse;
import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.GroqEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(GroqEmulatorExtension.class)
class GroqTemplateStructuredOutputTests {

	static GroqEmulator emulator;

	private final GroqTemplate groq = GroqTemplate.builder()
		.baseUrl(emulator.baseUrl())
		.apiKey("gsk_test_0123456789abcdef")
		.build();

	record LineItem(String description, int quantity, double price) {
	}

	record Invoice(String customer, List<LineItem> items, double total) {
	}

	private static final String INVOICE_JSON = """
			{"customer":"ACME","items":[{"description":"Anvil","quantity":2,"price":49.5}],"total":99.0}""";

	@AfterEach
	void reset() throws Exception {
		this.groq.close();
	}

	@Test
	void chatForARecordSendsTheStrictSchemaAndReturnsTheParsedRecord() throws Exception {
		emulator.onChat().thenReply(INVOICE_JSON);
		Invoice invoice = this.groq.chat(ChatRequest.builder("openai/gpt-oss-120b").user("ACME bought 2 anvils"),
				Invoice.class);
		assertThat(invoice).isEqualTo(new Invoice("ACME", List.of(new LineItem("Anvil", 2, 49.5)), 99.0));
		JSONAssert.assertEquals("""
				{"model":"openai/gpt-oss-120b","messages":[{"role":"user","content":"ACME bought 2 anvils"}],
				 "response_format":{"type":"json_schema","json_schema":{"name":"Invoice","strict":true,"schema":{
				   "type":"object","properties":{
				     "customer":{"type":"string"},
				     "items":{"type":"array","items":{"type":"object","properties":{
				        "description":{"type":"string"},"quantity":{"type":"integer"},"price":{"type":"number"}},
				        "required":["description","quantity","price"],"additionalProperties":false}},
				     "total":{"type":"number"}},
				   "required":["customer","items","total"],"additionalProperties":false}}}}""",
				emulator.lastRequest().bodyText(), JSONCompareMode.STRICT);
	}

	@Test
	void answerThatIsNotJsonRaisesStructuredOutputExceptionWithTheRawContent() {
		emulator.onChat().thenReply("Sure! The customer is ACME.");
		assertThatExceptionOfType(GroqStructuredOutputException.class)
			.isThrownBy(() -> this.groq.chat(ChatRequest.builder("openai/gpt-oss-120b").user("ACME"), Invoice.class))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).startsWith("The model's answer is not JSON for " + Invoice.class.getName()
						+ ": Unrecognized token 'Sure'");
				assertThat(ex.getContent()).isEqualTo("Sure! The customer is ACME.");
				assertThat(ex.getTargetType()).isEqualTo(Invoice.class);
				assertThat(ex.getStatusCode()).isEqualTo(200);
				assertThat(ex.getRequestId()).matches("req_01[0-9a-hjkmnp-tv-z]{24}");
			});
	}

	@Test
	void answerMissingAPropertyRaisesStructuredOutputException() {
		String content = "{\"customer\":\"ACME\",\"items\":[]}";
		emulator.onChat().thenReply(content);
		assertThatExceptionOfType(GroqStructuredOutputException.class)
			.isThrownBy(() -> this.groq.chat(ChatRequest.builder("openai/gpt-oss-120b").user("ACME"), Invoice.class))
			.withMessageStartingWith("The model's answer is not JSON for " + Invoice.class.getName()
					+ ": Missing creator property 'total'")
			.satisfies((ex) -> assertThat(ex.getContent()).isEqualTo(content));
	}

	@Test
	void answerWithAnUnknownPropertyRaisesStructuredOutputException() {
		emulator.onChat().thenReply("{\"customer\":\"ACME\",\"items\":[],\"total\":1.0,\"vat\":0.2}");
		assertThatExceptionOfType(GroqStructuredOutputException.class)
			.isThrownBy(() -> this.groq.chat(ChatRequest.builder("openai/gpt-oss-120b").user("ACME"), Invoice.class))
			.withMessageStartingWith("The model's answer is not JSON for " + Invoice.class.getName()
					+ ": Unrecognized property \"vat\"");
	}

	@Test
	void answerWithoutContentRaisesStructuredOutputExceptionNamingTheFinishReason() {
		emulator.onChat().thenRespond(EmulatedResponse.toolCall("call_1", "lookup", "{}"));
		assertThatExceptionOfType(GroqStructuredOutputException.class)
			.isThrownBy(() -> this.groq.chat(ChatRequest.builder("openai/gpt-oss-120b").user("ACME"), Invoice.class))
			.withMessage("The model answered without content (finish_reason 'tool_calls'): expected JSON for "
					+ Invoice.class.getName())
			.satisfies((ex) -> assertThat(ex.getContent()).isNull());
	}

	@Test
	void requestThatSetsItsOwnResponseFormatIsRefusedBeforeSending() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.groq.chat(
					ChatRequest.builder("openai/gpt-oss-120b").user("ACME").responseFormat(ResponseFormat.jsonObject()),
					Invoice.class))
			.withMessage("The request already sets response_format 'json_object'; structured output for Invoice "
					+ "sets it from the record: remove responseFormat(...) from the request");
		assertThat(emulator.chatRequests()).isEmpty();
	}

	@Test
	void structuredOutputKeepsTheResponseWhenUsedDirectly() {
		emulator.onChat().thenReply(INVOICE_JSON);
		StructuredOutput<Invoice> output = StructuredOutput.of(Invoice.class);
		ChatResponse response = this.groq
			.chat(output.applyTo(ChatRequest.builder("openai/gpt-oss-120b").user("ACME").build()));
		assertThat(output.read(response).customer()).isEqualTo("ACME");
		assertThat(response.usage()).isNotNull();
		assertThat(emulator.lastRequest().json().at("/response_format/json_schema/name").asString())
			.isEqualTo("Invoice");
	}

	@Test
	void defaultMethodOnGroqOperationsWorksForAnyImplementation() throws Exception {
		emulator.onChat().thenReply(INVOICE_JSON);
		GroqOperations operations = new DelegatingOperations(this.groq);
		Invoice invoice = operations.chat(ChatRequest.builder("openai/gpt-oss-120b").user("ACME"), Invoice.class);
		assertThat(invoice.total()).isEqualTo(99.0);
		assertThat(emulator.lastRequest().json().at("/response_format/json_schema/strict").asBoolean()).isTrue();
	}

	/** An implementation that only forwards the abstract methods, so the default methods run. */
	private record DelegatingOperations(GroqTemplate delegate) implements GroqOperations {

		@Override
		public ChatResponse chat(ChatRequest request) {
			return this.delegate.chat(request);
		}

		@Override
		public ChatResponse chat(ChatRequest request, RequestOptions options) {
			return this.delegate.chat(request, options);
		}

		@Override
		public io.github.groqspring.stream.ChatStream stream(ChatRequest request) {
			return this.delegate.stream(request);
		}

		@Override
		public io.github.groqspring.stream.ChatStream stream(ChatRequest request, RequestOptions options) {
			return this.delegate.stream(request, options);
		}

		@Override
		public io.github.groqspring.batch.GroqBatchTemplate batches() {
			return this.delegate.batches();
		}

		@Override
		public List<io.github.groqspring.models.GroqModel> listModels() {
			return this.delegate.listModels();
		}

		@Override
		public io.github.groqspring.models.GroqModel getModel(String id) {
			return this.delegate.getModel(id);
		}

	}

}
