package io.github.groqspring.benchmarks.ratelimit;

import java.util.Random;

import io.github.groqspring.chat.ChatRequest;

/**
 * The benchmark's requests: a user message of 50 to 250 words; the emulator answers 50 to 150
 * words, by the message's hash. The emulator counts a word as a token and 4 tokens of framing
 * per message, so a call costs 154 + 100 tokens on average.
 */
final class Requests {

	static final double MEAN_COST = 4 + 150 + 100;

	private static final String[] WORDS = { "rate", "limit", "token", "bucket", "groq", "spring", "fleet", "budget",
			"redis", "minute", "refill", "header", "reset", "latency", "model", "tier" };

	private Requests() {
	}

	static ChatRequest next(Random random, String model) {
		int words = 50 + random.nextInt(201);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			text.append((i > 0) ? " " : "").append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(100));
		}
		return ChatRequest.builder(model).user(text.toString()).build();
	}

	static String reply(String message) {
		int words = 50 + Math.floorMod(message.hashCode(), 101);
		StringBuilder text = new StringBuilder("Answer:");
		for (int i = 1; i < words; i++) {
			text.append(" w").append(i);
		}
		return text.toString();
	}

	/** What the emulator charges: prompt tokens (4 + words) plus the reply's words. */
	static long exactCost(ChatRequest request) {
		String message = request.messages().get(0).content();
		return 4 + message.split(" ").length + reply(message).split(" ").length;
	}

}
