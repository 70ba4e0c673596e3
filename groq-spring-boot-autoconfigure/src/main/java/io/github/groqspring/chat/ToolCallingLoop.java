package io.github.groqspring.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a tool-calling conversation: sends the request with its tools, runs the functions
 * the model calls, appends the assistant's message and one tool message per call, and
 * sends again until the model answers without calling a tool, at most a given number of
 * rounds. Groq's built-in tools ({@link Tool#browserSearch()}, {@link Tool#codeInterpreter()})
 * may be set on the request itself: Groq runs those, the loop runs the functions.
 *
 * <pre>{@code
 * ChatResponse answer = new ToolCallingLoop(groq::chat, 5)
 *     .tool(Tool.function("get_weather", "Current weather", JsonSchemas.of(WeatherQuery.class)), weather::lookUp)
 *     .run(ChatRequest.builder(model).user("What's the weather in Paris?"));
 * }</pre>
 */
public final class ToolCallingLoop {

	private final Function<ChatRequest, ChatResponse> sender;

	private final int maxRounds;

	private final Map<String, Tool> tools = new LinkedHashMap<>();

	private final Map<String, Function<String, String>> functions = new LinkedHashMap<>();

	/**
	 * Create a loop.
	 * @param sender sends one request, usually {@code groq::chat}
	 * @param maxRounds the most requests that may end in tool calls; the request after the
	 * last of them must answer
	 */
	public ToolCallingLoop(Function<ChatRequest, ChatResponse> sender, int maxRounds) {
		if (maxRounds < 1) {
			throw new IllegalArgumentException("maxRounds must be at least 1, was " + maxRounds);
		}
		this.sender = sender;
		this.maxRounds = maxRounds;
	}

	/**
	 * Offer a function tool and the code that runs it.
	 * @param tool the tool, as sent to the model
	 * @param function takes the call's arguments (a JSON object as text) and returns the
	 * result sent back to the model
	 * @return this loop
	 */
	public ToolCallingLoop tool(Tool tool, Function<String, String> function) {
		Tool.Function definition = tool.function();
		if (definition == null) {
			throw new IllegalArgumentException("'" + tool.type() + "' is one of Groq's built-in tools, which Groq runs "
					+ "itself: set it on the request's tools instead of registering code for it");
		}
		String name = definition.name();
		if (this.tools.containsKey(name)) {
			throw new IllegalArgumentException("A tool named '" + name + "' is already registered");
		}
		this.tools.put(name, tool);
		this.functions.put(name, function);
		return this;
	}

	/**
	 * Run the conversation.
	 * @param request the request, without function tools of its own (they come from
	 * {@link #tool(Tool, Function)}); built-in tools it sets are sent with them
	 * @return the first response that calls no tool
	 * @throws IllegalStateException when the model calls a tool that was not registered, or
	 * still calls tools after {@code maxRounds} rounds
	 */
	public ChatResponse run(ChatRequest.Builder request) {
		if (this.tools.isEmpty()) {
			throw new IllegalStateException("No tools registered: add them with tool(Tool, Function) before run");
		}
		ChatRequest first = request.build();
		List<Tool> all = new ArrayList<>(this.tools.values());
		if (first.tools() != null) {
			for (Tool tool : first.tools()) {
				if (!tool.builtIn()) {
					throw new IllegalArgumentException("The request sets function tools itself; register them with "
							+ "tool(Tool, Function) instead");
				}
				all.add(tool);
			}
		}
		ChatRequest.Builder conversation = first.mutate().tools(all);
		for (int round = 0;; round++) {
			ChatResponse response = this.sender.apply(conversation.build());
			List<ToolCall> calls = response.toolCalls();
			ResponseMessage message = response.message();
			if (calls.isEmpty() || message == null) {
				return response;
			}
			if (round == this.maxRounds) {
				throw new IllegalStateException("The model still called tools after " + this.maxRounds
						+ " rounds (last: " + names(calls) + "); raise maxRounds or check what the tools return");
			}
			conversation.message(message.toChatMessage());
			for (ToolCall call : calls) {
				conversation.message(ChatMessage.tool(call.id(), execute(call)));
			}
		}
	}

	private String execute(ToolCall call) {
		Function<String, String> function = this.functions.get(call.function().name());
		if (function == null) {
			throw new IllegalStateException("The model called tool '" + call.function().name()
					+ "', which is not registered; registered: " + this.functions.keySet());
		}
		return function.apply(call.function().arguments());
	}

	private static List<String> names(List<ToolCall> calls) {
		List<String> names = new ArrayList<>();
		calls.forEach((call) -> names.add(call.function().name()));
		return names;
	}

}
