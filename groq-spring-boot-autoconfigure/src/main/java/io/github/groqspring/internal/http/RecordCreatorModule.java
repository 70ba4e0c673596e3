package io.github.groqspring.internal.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedWithParams;

/**
 * Creates records through a method handle spread once per type, instead of Jackson 3's
 * {@code MethodHandle.invokeWithArguments} on every instance, which builds a new spreader
 * each time (every Groq response and every stream chunk is a tree of records: this was about
 * a tenth of the bytes allocated and of the CPU spent reading them). Only records whose
 * instantiator is Jackson's own, created through their public canonical constructor, are
 * changed; a failing constructor is reported exactly as Jackson reports it.
 */
final class RecordCreatorModule extends JacksonModule {

	@Override
	public String getModuleName() {
		return "groq-record-creators";
	}

	@Override
	public Version version() {
		return Version.unknownVersion();
	}

	@Override
	public void setupModule(SetupContext context) {
		context.addValueInstantiators(new ValueInstantiators.Base() {

			@Override
			public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
					BeanDescription.Supplier description, ValueInstantiator instantiator) {
				return spreading(instantiator);
			}

		});
	}

	static ValueInstantiator spreading(ValueInstantiator instantiator) {
		if (instantiator.getClass() != StdValueInstantiator.class || !instantiator.getValueClass().isRecord()) {
			return instantiator;
		}
		AnnotatedWithParams creator = ((StdValueInstantiator) instantiator).getWithArgsCreator();
		if (!(creator instanceof AnnotatedConstructor annotated)) {
			return instantiator;
		}
		Constructor<?> constructor = annotated.getAnnotated();
		if (!Modifier.isPublic(constructor.getModifiers())
				|| !Modifier.isPublic(constructor.getDeclaringClass().getModifiers())) {
			return instantiator;
		}
		try {
			MethodHandle handle = MethodHandles.publicLookup()
				.unreflectConstructor(constructor)
				.asSpreader(Object[].class, constructor.getParameterCount())
				.asType(MethodType.methodType(Object.class, Object[].class));
			return new SpreadingInstantiator((StdValueInstantiator) instantiator, handle);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return instantiator;
		}
	}

	/** Jackson's instantiator, with the arguments creator called through a ready spreader. */
	static final class SpreadingInstantiator extends StdValueInstantiator {

		private final MethodHandle creator;

		SpreadingInstantiator(StdValueInstantiator instantiator, MethodHandle creator) {
			super(instantiator);
			this.creator = creator;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] args) {
			try {
				return (Object) this.creator.invokeExact(args);
			}
			catch (Exception ex) {
				return context.handleInstantiationProblem(getValueClass(), args, rewrapCtorProblem(context, ex));
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
