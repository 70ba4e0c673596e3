package io.github.groqspring.internal.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;

class GroqRequestFactoryTests {

	@Test
	void withApacheHttpClientOnTheClassPathTheFactoryIsItsAndSendsTheUserAgent() throws Exception {
		ClientHttpRequestFactory factory = GroqRequestFactory
			.create(new GroqRequestFactory.Settings(Duration.ofSeconds(1), Duration.ofSeconds(2), 4));
		assertThat(factory).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
		assertThat(GroqRequestFactory.sendsUserAgent()).isTrue();
		AutoCloseable closer = GroqRequestFactory.closer(factory);
		assertThat(closer).isNotNull();
		closer.close();
	}

	@Test
	void aFactoryThatHoldsNothingHasNothingToClose() {
		assertThat(GroqRequestFactory.closer(new SimpleClientHttpRequestFactory())).isNull();
	}

}
