/** Resolving webhook URLs to hooks, apps and compiled webhook specs. */
@NullMarked
package io.hookstream.ingress.hooks;

import org.jspecify.annotations.NullMarked;
