package io.github.groqspring.test;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Forgets the emulator's recorded requests and scripts after each test method, so tests
 * sharing a cached context do not see each other's traffic.
 */
class GroqEmulatorTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			context.getBeanProvider(GroqEmulator.class).ifAvailable(GroqEmulator::reset);
		}
	}

	@Override
	public int getOrder() {
		return 2000;
	}

}
