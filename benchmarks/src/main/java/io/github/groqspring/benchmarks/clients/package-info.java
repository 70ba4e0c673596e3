/**
 * One adapter per client under test, each calling the canned server the way a user of that
 * client would.
 */
@NullMarked
package io.github.groqspring.benchmarks.clients;

import org.jspecify.annotations.NullMarked;
