package io.superloop.visibility.api.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every record: a generated {@code Immutable*} implementation with a
 * builder and {@code with*} copies, JDK collections only, no nulls accepted. The implementation is
 * generated into the sub-package {@code internal} of the record's package ({@code
 * api.audit.ImmutableControlRow} is {@code api.audit.internal.ImmutableControlRow}), which the
 * module exports only to the library's own modules: the exported API holds the records, not their
 * implementations. Methods the generated class calls ({@code @Value.Check}, {@code @Value.Derived})
 * are {@code protected}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    packageGenerated = "*.internal",
    jdkOnly = true,
    optionalAcceptNullable = false,
    defaults = @Value.Immutable(copy = true, prehash = false),
    depluralize = true,
    allowedClasspathAnnotations = {Override.class})
public @interface VisibilityStyle {}
