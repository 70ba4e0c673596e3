package io.github.groqspring.architecturefixture.lower;

import io.github.groqspring.architecturefixture.upper.Upper;

/** A fixture for {@code ArchitectureRulesTests}: the other half of a package cycle. */
public class Lower {

	String upper() {
		return Upper.class.getName();
	}

}
