/** What happens to a raw event after the edge: directives, bundles, dead letters. */
@NullMarked
package io.hookstream.router.routing;

import org.jspecify.annotations.NullMarked;
