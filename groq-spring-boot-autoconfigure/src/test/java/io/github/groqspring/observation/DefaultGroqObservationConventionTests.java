package io.github.groqspring.observation;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.ChatResponse;
import io.github.groqspring.error.GroqInvalidResponseException;
import io.github.groqspring.error.GroqTimeoutException;
import io.github.groqspring.error.GroqTransportException;
import io.github.groqspring.error.RateLimitExhaustedException;
import io.github.groqspring.http.RateLimits;
import io.github.groqspring.http.ResponseMetadata;
import io.github.groqspring.internal.http.GroqErrorDecoder;
import io.github.groqspring.stream.GroqStreamTimeoutException;
import io.github.groqspring.stream.GroqStreamTruncatedException;
import io.github.groqspring.tier.ServiceTier;
import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultGroqObservationConventionTests {

	private final DefaultGroqObservationConvention convention = new DefaultGroqObservationConvention();

	@Test
	void nameIsGroqClientOperationAndSpansAreNamedOperationAndModel() {
		assertThat(this.convention.getName()).isEqualTo("groq.client.operation");
		assertThat(this.convention.getContextualName(chat(ServiceTier.FLEX))).isEqualTo("chat llama-3.1-8b-instant");
		assertThat(this.convention.getContextualName(new GroqObservationContext(GroqOperationType.LIST_MODELS)))
			.isEqualTo("list_models");
	}

	@Test
	void aRunningCallHasOutcomeUnknownAndEveryLowCardinalityKey() {
		assertThat(this.convention.getLowCardinalityKeyValues(chat(null))).extracting(KeyValue::getKey)
			.containsExactly("error.type", "gen_ai.operation.name", "gen_ai.request.model", "gen_ai.response.model",
					"gen_ai.system", "groq.fallback", "groq.request.service_tier", "groq.response.service_tier",
					"groq.stream", "http.response.status_code", "outcome");
		assertThat(low(chat(null), "outcome")).isEqualTo("UNKNOWN");
		assertThat(this.convention.getHighCardinalityKeyValues(chat(null))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "flex, on_demand, true", "performance, on_demand, true", "on_demand, on_demand, false",
			"auto, on_demand, false", "auto, performance, false", "flex, flex, false" })
	void fallbackIsAnotherTierServingAConcreteTier(String requested, String served, boolean fallback) {
		GroqObservationContext context = chat(ServiceTier.parse(requested));
		context.setCompletion(new ChatCompletion("c", null, 0, "m", List.of(), null, null, null, served));
		assertThat(low(context, "groq.fallback")).isEqualTo(Boolean.toString(fallback));
	}

	@Test
	void aReportedFallbackIsAFallbackWhateverServed() {
		GroqObservationContext context = chat(ServiceTier.AUTO);
		context.recordFallback(ServiceTier.ON_DEMAND, 0);
		assertThat(low(context, "groq.fallback")).isEqualTo("true");
	}

	@ParameterizedTest
	@CsvSource({ "400, CLIENT_ERROR, GroqBadRequestException", "401, CLIENT_ERROR, GroqAuthenticationException",
			"404, CLIENT_ERROR, GroqNotFoundException", "413, CLIENT_ERROR, GroqRequestTooLargeException",
			"429, RATE_LIMITED, GroqRateLimitException", "498, CAPACITY_EXCEEDED, FlexCapacityExceededException",
			"500, SERVER_ERROR, GroqServerException", "503, SERVER_ERROR, GroqServerException",
			"301, REDIRECTION, GroqRedirectException", "307, REDIRECTION, GroqRedirectException" })
	void anErrorStatusGivesItsOutcomeErrorTypeAndStatus(int status, String outcome, String errorType) {
		GroqObservationContext context = chat(null);
		context.setError(new GroqErrorDecoder(JsonMapper.builder().build()).decode(status, new HttpHeaders(),
				new byte[0], null, 1));
		assertThat(low(context, "outcome")).isEqualTo(outcome);
		assertThat(low(context, "error.type")).isEqualTo(errorType);
		assertThat(low(context, "http.response.status_code")).isEqualTo(Integer.toString(status));
	}

	@Test
	void failuresWithoutAnErrorStatusHaveTheirOwnOutcomes() {
		assertThat(outcomeOf(new GroqTimeoutException("late", new SocketTimeoutException()))).isEqualTo("TIMEOUT");
		assertThat(outcomeOf(new GroqTransportException("reset", new IOException()))).isEqualTo("TRANSPORT_ERROR");
		assertThat(outcomeOf(new GroqInvalidResponseException("html", 200, null, RateLimits.NONE, null)))
			.isEqualTo("INVALID_RESPONSE");
		assertThat(outcomeOf(new IllegalStateException("cancelled"))).isEqualTo("ERROR");
	}

	@Test
	void aStalledStreamIsATimeoutAndABrokenOneAnError() {
		ChatResponse partial = new ChatResponse(new ChatCompletion("c", null, 0, "m", List.of(), null, null, null, null),
				new ResponseMetadata(200, "req_1", null, RateLimits.NONE, null, 1, null));
		assertThat(outcomeOf(new GroqStreamTimeoutException("stalled", partial, 2, new SocketTimeoutException("idle"))))
			.isEqualTo("TIMEOUT");
		assertThat(outcomeOf(new GroqStreamTruncatedException("broke", partial, 2, new IOException("reset"))))
			.isEqualTo("ERROR");
	}

	@Test
	void aCallNotSentForAnExhaustedRateLimitIsRateLimited() {
		assertThat(outcomeOf(new RateLimitExhaustedException("Not sent", Duration.ofSeconds(3)))).isEqualTo("RATE_LIMITED");
	}

	@Test
	void theErrorsRequestIdIsTheRequestIdWhenNoAnswerArrived() {
		GroqObservationContext context = chat(null);
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-request-id", "req_failed");
		context.setError(new GroqErrorDecoder(JsonMapper.builder().build()).decode(500, headers, new byte[0], null, 1));
		assertThat(this.convention.getHighCardinalityKeyValues(context)).containsExactly(KeyValue.of("groq.request.id",
				"req_failed"));
	}

	private String outcomeOf(Throwable error) {
		GroqObservationContext context = chat(null);
		context.setError(error);
		return low(context, "outcome");
	}

	private String low(GroqObservationContext context, String key) {
		return this.convention.getLowCardinalityKeyValues(context)
			.stream()
			.filter((value) -> value.getKey().equals(key))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private static GroqObservationContext chat(ServiceTier tier) {
		ChatRequest request = ChatRequest.builder("llama-3.1-8b-instant").serviceTier(tier).user("Hi").build();
		return new GroqObservationContext(GroqOperationType.CHAT, request.model(), request.serviceTier(), false, request);
	}

}
