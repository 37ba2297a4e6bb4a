/**
 * {@code hookstream requests} and {@code hookstream events}: a hook's request log and event
 * outcomes, read from the control plane's API.
 */
@NullMarked
package io.hookstream.cli.activity;

import org.jspecify.annotations.NullMarked;
