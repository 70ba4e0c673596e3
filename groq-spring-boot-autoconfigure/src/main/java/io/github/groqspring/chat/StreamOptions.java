package io.github.groqspring.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Groq's {@code stream_options}, sent only on a stream. {@code GroqTemplate.stream(...)}
 * sends {@link #INCLUDE_USAGE} unless the request sets its own: with it, Groq ends the
 * stream with one more chunk whose {@code choices} are empty and which carries the usage
 * and the {@code service_tier} that served the request, the only chunk of a stream that
 * names the tier.
 *
 * @param includeUsage whether Groq sends the extra usage chunk
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamOptions(@JsonProperty("include_usage") @Nullable Boolean includeUsage) {

	/** {@code {"include_usage":true}}, what a stream asks for by default. */
	public static final StreamOptions INCLUDE_USAGE = new StreamOptions(true);

	/** {@code {"include_usage":false}}: no usage chunk, so a stream's served tier stays unknown. */
	public static final StreamOptions WITHOUT_USAGE = new StreamOptions(false);

}
