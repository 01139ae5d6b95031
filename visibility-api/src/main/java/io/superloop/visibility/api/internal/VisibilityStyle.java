package io.superloop.visibility.api.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every record: a public generated {@code Immutable*} implementation with a
 * builder and {@code with*} copies, JDK collections only, no nulls accepted.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true,
    optionalAcceptNullable = false,
    defaults = @Value.Immutable(copy = true, prehash = false),
    depluralize = true,
    allowedClasspathAnnotations = {Override.class})
public @interface VisibilityStyle {}
