package dev.gansvc.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a listing that reads {@code page}, {@code size} and {@code sort} through {@link Paging}; the API document gets them from {@link PagingParameters}. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PagedListing {}
