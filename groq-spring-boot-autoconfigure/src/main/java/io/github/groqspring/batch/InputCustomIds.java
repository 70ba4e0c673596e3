package io.github.groqspring.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the custom ids of a batch input file one line at a time, skipping the requests:
 * to report, one by one, the requests of a part that gave no results.
 */
final class InputCustomIds {

	private InputCustomIds() {
	}

	/**
	 * Tell each line's custom id, in file order; the stream is closed.
	 * @throws IllegalStateException when a line is not a batch line with a custom id
	 */
	static void forEach(InputStream content, JsonMapper jsonMapper, String source, Consumer<String> action) {
		try (content; JsonParser parser = jsonMapper.createParser(content)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				int line = parser.currentTokenLocation().getLineNr();
				String customId = (token == JsonToken.START_OBJECT) ? customId(parser) : null;
				if (customId == null) {
					throw new IllegalStateException("Line " + line + " of " + source + " is not a batch request with a "
							+ "custom_id");
				}
				action.accept(customId);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + source, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Could not read " + source + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private static @Nullable String customId(JsonParser parser) {
		String customId = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (name.equals("custom_id") && value == JsonToken.VALUE_STRING) {
				customId = parser.getString();
			}
			else {
				parser.skipChildren();
			}
		}
		return customId;
	}

}
