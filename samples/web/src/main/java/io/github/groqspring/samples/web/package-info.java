/**
 * The web sample: {@code POST /summarize}, and Groq on {@code /actuator/health} and
 * {@code /actuator/metrics}.
 */
@NullMarked
package io.github.groqspring.samples.web;

import org.jspecify.annotations.NullMarked;
