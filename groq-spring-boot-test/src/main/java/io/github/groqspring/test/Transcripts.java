package io.github.groqspring.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's answers to transcriptions and translations, in Groq's shapes (captured,
 * vercel/ai's fixtures of 2026): {@code json} is {@code {"text", "x_groq":{"id"}}};
 * {@code text} the bare text as {@code text/plain; charset=UTF-8}; {@code verbose_json}
 * {@code task}, {@code language} (named in English: {@code English}; a translation's
 * {@code english}, as Groq's API reference says), {@code duration} (a number), {@code text},
 * {@code words} (only when asked for), {@code segments} ({@code null} when only words were
 * asked for) and {@code x_groq}. Whisper's text starts with a space; so does this. The
 * segments are the text's sentences, and their times and the words' share the audio's
 * duration out by word.
 */
final class Transcripts {

	private Transcripts() {
	}

	static String emulated(boolean translation, String name, double seconds) {
		return (translation ? "Emulated English translation of " : "Emulated transcript of ") + name + ": "
				+ BigDecimal.valueOf(round(seconds)).stripTrailingZeros().toPlainString() + " seconds of audio.";
	}

	static EmulatedResponse answer(boolean translation, String transcript, double seconds,
			AudioEndpoints.Received received, String requestId) {
		String text = transcript.startsWith(" ") ? transcript : " " + transcript;
		String format = received.field("response_format");
		if ("text".equals(format)) {
			return EmulatedResponse.raw(200, "text/plain; charset=UTF-8", text);
		}
		ObjectNode body = WireFormat.JSON.createObjectNode();
		if ("verbose_json".equals(format)) {
			List<String> granularities = translation ? List.of()
					: received.fields().getOrDefault("timestamp_granularities[]", List.of());
			boolean words = granularities.contains("word");
			boolean segments = granularities.isEmpty() || granularities.contains("segment");
			body.put("task", translation ? "translate" : "transcribe")
				.put("language", translation ? "english" : language(received.field("language")))
				.put("duration", seconds)
				.put("text", text);
			List<String> sentences = sentences(transcript.trim());
			int totalWords = Math.max(1, sentences.stream().mapToInt((sentence) -> words(sentence).size()).sum());
			double perWord = seconds / totalWords;
			if (words) {
				ArrayNode array = body.putArray("words");
				int index = 0;
				for (String sentence : sentences) {
					for (String word : words(sentence)) {
						array.addObject()
							.put("word", word)
							.put("start", round(index * perWord))
							.put("end", round((index + 1) * perWord));
						index++;
					}
				}
			}
			if (segments) {
				ArrayNode array = body.putArray("segments");
				int index = 0;
				for (int id = 0; id < sentences.size(); id++) {
					String sentence = sentences.get(id);
					int count = words(sentence).size();
					double start = index * perWord;
					double end = (index + count) * perWord;
					ObjectNode segment = array.addObject()
						.put("id", id)
						.put("seek", (int) Math.round(start * 100))
						.put("start", round(start))
						.put("end", round(end))
						.put("text", " " + sentence);
					ArrayNode tokens = segment.putArray("tokens");
					for (int token = 0; token < count; token++) {
						tokens.add(50_364 + index + token);
					}
					segment.put("temperature", 0.0)
						.put("avg_logprob", -0.2)
						.put("compression_ratio", 1.1)
						.put("no_speech_prob", 0.01);
					index += count;
				}
			}
			else {
				body.putNull("segments");
			}
		}
		else {
			body.put("text", text);
		}
		body.putObject("x_groq").put("id", requestId);
		return WireFormat.json(body);
	}

	/** The language Groq names: the English name of an ISO-639-1 code, English when none was given. */
	private static String language(@org.jspecify.annotations.Nullable String code) {
		if (code == null) {
			return "English";
		}
		String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
		return name.isEmpty() ? code : name;
	}

	private static List<String> sentences(String text) {
		List<String> sentences = new ArrayList<>();
		for (String sentence : text.split("(?<=[.!?])\\s+")) {
			if (!sentence.isBlank()) {
				sentences.add(sentence);
			}
		}
		return sentences.isEmpty() ? List.of(text) : sentences;
	}

	private static List<String> words(String sentence) {
		List<String> words = new ArrayList<>();
		for (String word : sentence.trim().split("\\s+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	/** Seconds to the hundredth, as Groq's answers give them. */
	private static double round(double seconds) {
		return BigDecimal.valueOf(seconds).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

}
