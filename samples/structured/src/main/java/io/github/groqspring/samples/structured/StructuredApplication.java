package io.github.groqspring.samples.structured;

import java.util.List;

import io.github.groqspring.GroqTemplate;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.chat.JsonSchemas;
import io.github.groqspring.chat.StructuredOutput;
import io.github.groqspring.chat.Tool;
import io.github.groqspring.chat.ToolCallingLoop;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Structured output and tools: extracts an {@link Invoice} from text with a strict JSON
 * schema generated from the record, then answers a weather question through a
 * tool-calling loop. Without {@code GROQ_API_KEY} it calls the embedded Groq emulator,
 * scripted by {@link OfflineAnswers}.
 */
@SpringBootApplication
public class StructuredApplication {

	static final String MODEL = "openai/gpt-oss-120b";

	static final String INVOICE_TEXT = "Invoice for ACME Corp: 2 anvils at 49.50 each and 1 rocket skate at 120.00. "
			+ "Total due: 219.00.";

	/** The most model requests that may end in tool calls before the loop gives up. */
	static final int MAX_TOOL_ROUNDS = 4;

	public static void main(String[] args) {
		SpringApplication.exit(SpringApplication.run(StructuredApplication.class, args));
	}

	@Bean
	ApplicationRunner extractAndAsk(GroqTemplate groq) {
		return (args) -> {
			Invoice invoice = groq.chat(ChatRequest.builder(MODEL)
				.system("Extract the invoice from the user's text.")
				.user(INVOICE_TEXT), Invoice.class);
			System.out.println("Invoice: " + invoice);
			ChatResponse answer = weatherLoop(groq).run(ChatRequest.builder(MODEL)
				.user("What's the weather in Paris right now? Answer in one sentence."));
			System.out.println("Answer: " + answer.content());
		};
	}

	static ToolCallingLoop weatherLoop(GroqTemplate groq) {
		StructuredOutput<WeatherQuery> arguments = StructuredOutput.of(WeatherQuery.class);
		Tool weather = Tool.function("get_weather", "The current weather in a city",
				JsonSchemas.of(WeatherQuery.class));
		return new ToolCallingLoop(groq::chat, MAX_TOOL_ROUNDS).tool(weather,
				(json) -> currentWeather(arguments.read(json)));
	}

	/** A stand-in for a weather service: the same answer for a city every time. */
	static String currentWeather(WeatherQuery query) {
		return "{\"city\":\"" + query.city() + "\",\"celsius\":18,\"sky\":\"cloudy\"}";
	}

	/**
	 * An invoice as the model extracts it.
	 *
	 * @param customer who is billed
	 * @param items the lines
	 * @param total the total due
	 */
	public record Invoice(String customer, List<LineItem> items, double total) {
	}

	/**
	 * One invoice line.
	 *
	 * @param description what was sold
	 * @param quantity how many
	 * @param unitPrice the price of one
	 */
	public record LineItem(String description, int quantity, double unitPrice) {
	}

	/**
	 * The weather tool's arguments.
	 *
	 * @param city the city to look up
	 */
	public record WeatherQuery(String city) {
	}

}
