package io.github.uvlambda.build;

import io.github.uvlambda.wheel.FetchStats;
import java.io.IOException;

/**
 * Produces the files of a dependency layer for a {@link LayerBuilder.Request}: which packages, for
 * which Lambda target, laid out under {@code python/} as {@code pip install --target} would. The
 * {@link LayerBuilder} decides whether to install at all, checks the size and writes the zip.
 */
public interface LayerInstaller {
  LayerContents install(LayerBuilder.Request request) throws IOException;

  /** What the last {@link #install} downloaded (nothing, when a tool outside did the fetching). */
  default FetchStats fetched() {
    return FetchStats.NONE;
  }
}
