package io.github.groqspring.ratelimit.redis;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link RedisServer} before a test class and stops it after; a missing
 * {@code redis-server} fails the class, it never skips it.
 */
final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(RedisServerExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getStore(NAMESPACE).put("server", RedisServer.start());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		RedisServer server = context.getStore(NAMESPACE).remove("server", RedisServer.class);
		if (server != null) {
			server.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == RedisServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return findServer(context);
	}

	private static RedisServer findServer(ExtensionContext context) {
		for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
			RedisServer server = current.getStore(NAMESPACE).get("server", RedisServer.class);
			if (server != null) {
				return server;
			}
		}
		throw new IllegalStateException("No Redis server started for " + context.getDisplayName());
	}

}
