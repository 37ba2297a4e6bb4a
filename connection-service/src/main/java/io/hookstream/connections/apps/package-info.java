/** The apps API: app definitions, validated and compiled before they are stored. */
@NullMarked
package io.hookstream.connections.apps;

import org.jspecify.annotations.NullMarked;
