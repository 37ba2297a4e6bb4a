/**
 * {@code hookstream apps}: apps of the control plane, such as importing a Make Apps SDK project.
 */
@NullMarked
package io.hookstream.cli.apps;

import org.jspecify.annotations.NullMarked;
