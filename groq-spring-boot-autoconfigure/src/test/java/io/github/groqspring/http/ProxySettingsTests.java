package io.github.groqspring.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProxySettingsTests {

	@Test
	void toStringNeverShowsThePassword() {
		ProxySettings proxy = ProxySettings.of("proxy.corp.example", 3128).withCredentials("groq-user", "pr0xy-s3cret");
		assertThat(proxy).hasToString(
				"ProxySettings[host=proxy.corp.example, port=3128, username=groq-user, password=******]");
		assertThat(proxy.password()).isEqualTo("pr0xy-s3cret");
		assertThat(ProxySettings.of("proxy.corp.example", 3128))
			.hasToString("ProxySettings[host=proxy.corp.example, port=3128, username=null, password=none]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "http://proxy.corp.example", "user:pw@proxy.corp.example", "proxy/path" })
	void aHostThatIsNotAHostIsRefusedWithoutShowingIt(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> ProxySettings.of(host, 3128))
			.withMessage("A proxy host is a host name or address such as proxy.corp.example, without a scheme, path "
					+ "or credentials");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 65536 })
	void aPortOutOfRangeIsRefused(int port) {
		assertThatIllegalArgumentException().isThrownBy(() -> ProxySettings.of("proxy.corp.example", port))
			.withMessage("A proxy port is 1 to 65535, was " + port);
	}

	@Test
	void aPasswordNeedsAUserNameAndAnEmptyUserNameIsNone() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProxySettings("proxy.corp.example", 3128, null, "pr0xy-s3cret"))
			.withMessage("A proxy password needs a user name");
		assertThat(new ProxySettings("proxy.corp.example", 3128, "", null).username()).isNull();
	}

}
