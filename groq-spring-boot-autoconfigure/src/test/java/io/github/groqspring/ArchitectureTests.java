package io.github.groqspring;

import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Role;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's architecture, checked on every build: packages free of cycles, the layering
 * below, a public API that shows no internal type, and Spring Boot's own architecture rules
 * (as Boot's build checks them in {@code ArchitectureRules}).
 *
 * <p>The layering, bottom to top; a package may use the packages below it, never one above
 * or beside it:
 * <pre>
 * tier                   ServiceTier, @GroqTier, GroqTierContext, the interceptor and post-processor
 * http                   values: RateLimits, ResponseMetadata, RetrySettings
 * ratelimit              budget keys, limits, the budget store SPI and the in-JVM store, settings
 * error                  the exceptions, GroqError
 * models, chat           model catalogue; requests, responses, tools, structured output
 * stream, observation    ChatStream, chunks, stream exceptions; observation context, convention, meters
 * internal.http          serialize, send, retry, decode (knows nothing of chat, streams or observations)
 * internal.ratelimit     pacing: the estimator, the pacer and each call's gate
 * internal.stream,       the SSE reader and the ChatStream of a response;
 *   internal.observation the observer of each call and its content logger
 * batch, audio           GroqBatchTemplate and the Batch API's types; GroqAudioTemplate and the audio types
 * (root)                 GroqOperations, GroqTemplate, GroqTemplateBuilder, RequestOptions
 * health, aot            the health indicator; AOT hints
 * autoconfigure          wiring only
 * </pre>
 */
@AnalyzeClasses(locations = ArchitectureTests.ThisModule.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String ROOT = "io.github.groqspring";

	@ArchTest
	static final ArchRule everyPackageIsFreeOfCycles = slices().matching("(**)").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule packagesFollowTheLayering = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("tier").definedBy(ROOT + ".tier")
		.layer("http").definedBy(ROOT + ".http")
		.layer("ratelimit").definedBy(ROOT + ".ratelimit")
		.layer("error").definedBy(ROOT + ".error")
		.layer("models").definedBy(ROOT + ".models")
		.layer("chat").definedBy(ROOT + ".chat")
		.layer("stream").definedBy(ROOT + ".stream")
		.layer("observation").definedBy(ROOT + ".observation")
		.layer("internal.http").definedBy(ROOT + ".internal.http")
		.layer("internal.ratelimit").definedBy(ROOT + ".internal.ratelimit")
		.layer("internal.stream").definedBy(ROOT + ".internal.stream")
		.layer("internal.observation").definedBy(ROOT + ".internal.observation")
		.layer("batch").definedBy(ROOT + ".batch")
		.layer("audio").definedBy(ROOT + ".audio")
		.layer("root").definedBy(ROOT)
		.layer("health").definedBy(ROOT + ".health")
		.layer("aot").definedBy(ROOT + ".aot")
		.layer("autoconfigure").definedBy(ROOT + ".autoconfigure")
		.whereLayer("tier").mayNotAccessAnyLayer()
		.whereLayer("http").mayOnlyAccessLayers("tier")
		.whereLayer("ratelimit").mayNotAccessAnyLayer()
		.whereLayer("error").mayOnlyAccessLayers("tier", "http")
		.whereLayer("models").mayNotAccessAnyLayer()
		.whereLayer("chat").mayOnlyAccessLayers("tier", "http", "error")
		.whereLayer("stream").mayOnlyAccessLayers("tier", "http", "error", "chat")
		.whereLayer("observation").mayOnlyAccessLayers("tier", "http", "error", "chat", "ratelimit")
		.whereLayer("internal.http").mayOnlyAccessLayers("tier", "http", "error")
		.whereLayer("internal.ratelimit")
		.mayOnlyAccessLayers("tier", "http", "error", "chat", "ratelimit", "internal.http")
		.whereLayer("internal.stream").mayOnlyAccessLayers("tier", "http", "error", "chat", "stream", "internal.http")
		.whereLayer("internal.observation")
		.mayOnlyAccessLayers("tier", "http", "error", "chat", "observation", "internal.http")
		.whereLayer("batch")
		.mayOnlyAccessLayers("tier", "http", "error", "chat", "observation", "internal.http", "internal.observation")
		.whereLayer("audio")
		.mayOnlyAccessLayers("http", "error", "observation", "internal.http", "internal.observation")
		.whereLayer("root")
		.mayOnlyAccessLayers("tier", "http", "error", "models", "chat", "stream", "observation", "internal.http",
				"internal.stream", "internal.observation", "batch", "audio", "ratelimit", "internal.ratelimit")
		.whereLayer("health").mayOnlyAccessLayers("root", "tier", "http", "error", "models")
		.whereLayer("aot").mayOnlyAccessLayers("tier", "error", "models", "chat", "stream", "batch", "audio")
		.whereLayer("autoconfigure")
		.mayOnlyAccessLayers("root", "tier", "http", "observation", "internal.http", "health", "ratelimit");

	/**
	 * What a user's IDE offers is the documented API: public members of public types outside
	 * {@code internal} packages name no internal type. The exceptions are the constructors
	 * {@code GroqTemplate} builds its batch and audio templates with (their Javadoc says so).
	 */
	@ArchTest
	static final ArchRule thePublicApiNamesNoInternalType = classes().that()
		.resideOutsideOfPackage(ROOT + ".internal..")
		.and()
		.arePublic()
		.should(exposeNoInternalType());

	@ArchTest
	static final ArchRule beanPostProcessorBeanMethodsAreStaticAndInitializeNothingEarly = methods().that()
		.areAnnotatedWith("org.springframework.context.annotation.Bean")
		.and()
		.haveRawReturnType(assignableTo("org.springframework.beans.factory.config.BeanPostProcessor"))
		.should()
		.beStatic()
		.andShould(takeOnlyParametersThatInitializeNothingEarly())
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule beanFactoryPostProcessorBeanMethodsAreStaticAndTakeOnlyTheEnvironment = methods().that()
		.areAnnotatedWith("org.springframework.context.annotation.Bean")
		.and()
		.haveRawReturnType(assignableTo("org.springframework.beans.factory.config.BeanFactoryPostProcessor"))
		.should()
		.beStatic()
		.andShould(takeOnly("org.springframework.core.env.Environment"))
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule configurationPropertiesBindingBeanMethodsAreStatic = methods().that()
		.areAnnotatedWith("org.springframework.context.annotation.Bean")
		.and()
		.areAnnotatedWith("org.springframework.boot.context.properties.ConfigurationPropertiesBinding")
		.should()
		.beStatic()
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule beanMethodsReturnNoPrivateType = methods().that()
		.areAnnotatedWith("org.springframework.context.annotation.Bean")
		.should(returnANonPrivateType())
		.because("AOT-generated code calls them from outside the class")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule beanMethodsAreNotConditionalOnClasses = noMethods().that()
		.areAnnotatedWith("org.springframework.context.annotation.Bean")
		.should()
		.beAnnotatedWith("org.springframework.boot.autoconfigure.condition.ConditionalOnClass")
		.because("a missing class fails while the configuration class is introspected: guard the class instead")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule conditionalOnMissingBeanNamesMoreThanTheReturnType = methods().that()
		.areAnnotatedWith("org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean")
		.should(notNameOnlyTheirReturnType())
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule conditionsAreNotPublic = noClasses().that()
		.areAssignableTo("org.springframework.boot.autoconfigure.condition.SpringBootCondition")
		.and()
		.doNotHaveModifier(JavaModifier.ABSTRACT)
		.should()
		.bePublic()
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule autoConfigurationsArePublicAndFinal = classes().that()
		.areAnnotatedWith("org.springframework.boot.autoconfigure.AutoConfiguration")
		.should()
		.bePublic()
		.andShould()
		.haveModifier(JavaModifier.FINAL);

	@ArchTest
	static final ArchRule autoConfigurationsHaveNoPublicMembers = classes().that()
		.areAnnotatedWith("org.springframework.boot.autoconfigure.AutoConfiguration")
		.should(haveNoPublicMembers());

	@ArchTest
	static final ArchRule configurationPropertiesNameTheirPrefixAsValue = classes().that()
		.areAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
		.should(notSetOnlyThePrefixAttribute())
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule streamsCollectWithToList = noClasses().should()
		.callMethod(Collectors.class, "toList")
		.because("Stream.toList() says the same with less");

	@ArchTest
	static final ArchRule upperCaseNamesItsLocale = noClasses().should()
		.callMethod(String.class, "toUpperCase")
		.because("the default locale changes the result (use toUpperCase(Locale.ROOT))");

	@ArchTest
	static final ArchRule lowerCaseNamesItsLocale = noClasses().should()
		.callMethod(String.class, "toLowerCase")
		.because("the default locale changes the result (use toLowerCase(Locale.ROOT))");

	@ArchTest
	static final ArchRule urlEncodingTakesACharset = noClasses().should()
		.callMethod(URLEncoder.class, "encode", String.class, String.class)
		.orShould()
		.callMethod(URLDecoder.class, "decode", String.class, String.class)
		.because("the Charset overloads cannot fail on an unknown encoding name");

	@ArchTest
	static final ArchRule resourcesAreNotLoadedWithResourceUtils = noClasses().should()
		.callMethod("org.springframework.util.ResourceUtils", "getURL", String.class.getName())
		.orShould()
		.callMethod("org.springframework.util.ResourceUtils", "getFile", String.class.getName())
		.because("Boot's ApplicationResourceLoader resolves resources as the application does");

	private static ArchCondition<JavaClass> exposeNoInternalType() {
		return condition("expose no internal type in a public member", (type, events) -> {
			for (JavaMember member : type.getMembers()) {
				if (isVisibleOutsideThePackage(member) && !isAFeatureTemplatesConstructor(member)) {
					for (JavaClass signatureType : signatureTypes(member)) {
						if (signatureType.getPackageName().startsWith(ROOT + ".internal")) {
							events.add(SimpleConditionEvent.violated(member,
									member.getFullName() + " names the internal " + signatureType.getName()));
						}
					}
				}
			}
		});
	}

	private static boolean isVisibleOutsideThePackage(JavaMember member) {
		return member.getModifiers().contains(JavaModifier.PUBLIC)
				|| member.getModifiers().contains(JavaModifier.PROTECTED);
	}

	/** The constructors GroqTemplate builds its batch and audio templates with (documented as internal). */
	private static boolean isAFeatureTemplatesConstructor(JavaMember member) {
		return member instanceof JavaCodeUnit unit && unit.isConstructor()
				&& (unit.getOwner().getName().equals(ROOT + ".batch.GroqBatchTemplate")
						|| unit.getOwner().getName().equals(ROOT + ".audio.GroqAudioTemplate"));
	}

	private static List<JavaClass> signatureTypes(JavaMember member) {
		if (member instanceof JavaField field) {
			return List.of(field.getRawType());
		}
		JavaCodeUnit unit = (JavaCodeUnit) member;
		List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
		types.add(unit.getRawReturnType());
		types.addAll(unit.getExceptionTypes());
		return types;
	}

	private static ArchCondition<JavaMethod> takeOnlyParametersThatInitializeNothingEarly() {
		return condition("take only parameters that initialize no bean early", (method, events) -> {
			for (JavaParameter parameter : method.getParameters()) {
				if (!parameter.isAnnotatedWith("org.springframework.context.annotation.Lazy")
						&& !isSafeForEarlyInjection(parameter.getRawType())) {
					events.add(SimpleConditionEvent.violated(method, parameter.getDescription()
							+ " is initialized before the post-processor: take an ObjectProvider or mark it @Lazy"));
				}
			}
		});
	}

	private static boolean isSafeForEarlyInjection(JavaClass type) {
		if (type.isAssignableTo("org.springframework.beans.factory.ObjectProvider")
				|| type.isAssignableTo("org.springframework.context.ApplicationContext")
				|| type.isAssignableTo("org.springframework.core.env.Environment")) {
			return true;
		}
		return type.tryGetAnnotationOfType(Role.class)
			.map((role) -> role.value() == BeanDefinition.ROLE_INFRASTRUCTURE)
			.orElse(false);
	}

	private static ArchCondition<JavaMethod> takeOnly(String parameterType) {
		return condition("take only " + parameterType, (method, events) -> {
			for (JavaParameter parameter : method.getParameters()) {
				if (!parameter.getRawType().getName().equals(parameterType)) {
					events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " takes " + parameter.getRawType().getName()));
				}
			}
		});
	}

	private static ArchCondition<JavaMethod> returnANonPrivateType() {
		return condition("return a type that is not private", (method, events) -> {
			if (method.getRawReturnType().getModifiers().contains(JavaModifier.PRIVATE)) {
				events.add(SimpleConditionEvent.violated(method,
						method.getFullName() + " returns the private " + method.getRawReturnType().getName()));
			}
		});
	}

	private static ArchCondition<JavaMethod> notNameOnlyTheirReturnType() {
		return condition("not name only their own return type", (method, events) -> {
			JavaAnnotation<JavaMethod> annotation = method
				.getAnnotationOfType("org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean");
			if (!annotation.hasExplicitlyDeclaredProperty("type") && !annotation.hasExplicitlyDeclaredProperty("name")
					&& annotation.tryGetExplicitlyDeclaredProperty("value").orElse(null) instanceof JavaType[] types
					&& types.length == 1 && types[0].toErasure().equals(method.getRawReturnType())) {
				events.add(SimpleConditionEvent.violated(method, method.getFullName()
						+ ": @ConditionalOnMissingBean without a type is the method's return type already"));
			}
		});
	}

	private static ArchCondition<JavaClass> haveNoPublicMembers() {
		return condition("have no public members", (type, events) -> {
			for (JavaMember member : type.getMembers()) {
				if (member.getModifiers().contains(JavaModifier.PUBLIC) && !isAllowedPublicMember(member)) {
					events.add(SimpleConditionEvent.violated(member, member.getFullName() + " is public"));
				}
			}
		});
	}

	private static boolean isAllowedPublicMember(JavaMember member) {
		if (member instanceof JavaField) {
			return member.getModifiers().contains(JavaModifier.STATIC)
					&& member.getModifiers().contains(JavaModifier.FINAL);
		}
		JavaCodeUnit unit = (JavaCodeUnit) member;
		if (unit.isConstructor()) {
			return unit.getParameters().isEmpty();
		}
		return overridesAPublicMethod((JavaMethod) unit);
	}

	private static boolean overridesAPublicMethod(JavaMethod method) {
		String[] parameters = method.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
		return method.getOwner()
			.getAllRawSuperclasses()
			.stream()
			.map((type) -> type.tryGetMethod(method.getName(), parameters))
			.anyMatch((candidate) -> candidate.isPresent()
					&& candidate.get().getModifiers().contains(JavaModifier.PUBLIC))
				|| method.getOwner()
					.getAllRawInterfaces()
					.stream()
					.anyMatch((type) -> type.tryGetMethod(method.getName(), parameters).isPresent());
	}

	private static ArchCondition<JavaClass> notSetOnlyThePrefixAttribute() {
		return condition("name their prefix as the value attribute", (type, events) -> {
			JavaAnnotation<JavaClass> annotation = type
				.getAnnotationOfType("org.springframework.boot.context.properties.ConfigurationProperties");
			if (annotation.hasExplicitlyDeclaredProperty("prefix") && !annotation.hasExplicitlyDeclaredProperty("value")
					&& !annotation.hasExplicitlyDeclaredProperty("ignoreInvalidFields")
					&& !annotation.hasExplicitlyDeclaredProperty("ignoreUnknownFields")) {
				events.add(SimpleConditionEvent.violated(type,
						type.getName() + " should say @ConfigurationProperties(\"...\"), not (prefix = \"...\")"));
			}
		});
	}

	private static DescribedPredicate<JavaClass> assignableTo(String typeName) {
		return DescribedPredicate.describe("assignable to " + typeName, (type) -> type.isAssignableTo(typeName));
	}

	private static <T> ArchCondition<T> condition(String description, Check<T> check) {
		return new ArchCondition<>(description) {

			@Override
			public void check(T item, ConditionEvents events) {
				check.check(item, events);
			}

		};
	}

	@FunctionalInterface
	private interface Check<T> {

		void check(T item, ConditionEvents events);

	}

	/** This module's main classes, where {@link GroqTemplate} is: not the emulator's, not other modules'. */
	static final class ThisModule implements LocationProvider {

		@Override
		public Set<Location> get(Class<?> testClass) {
			try {
				return Set.of(Location.of(GroqTemplate.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
