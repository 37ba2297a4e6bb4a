/**
 * Dead letters as operators handle them: listed with filters, looked up by position, and redriven
 * at most once each, by the command line and the control plane alike.
 */
@NullMarked
package io.hookstream.operations.deadletters;

import org.jspecify.annotations.NullMarked;
