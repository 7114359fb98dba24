package io.github.uvlambda.wheel;

import io.github.uvlambda.SettingNames;
import io.github.uvlambda.UvLambdaException;
import java.nio.file.Path;
import java.util.List;

/**
 * The build is offline and some wheels are neither in the cache nor on the local disk (a {@code
 * file://} index or a path in uv.lock would be read): they would have to be downloaded.
 */
public class OfflineException extends UvLambdaException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> wheels;
  private final transient Path cache;

  public OfflineException(List<String> wheels, Path cache) {
    super(render(wheels, cache, SettingNames.POM));
    this.wheels = List.copyOf(wheels);
    this.cache = cache;
  }

  /** The file names of the missing wheels. */
  public List<String> wheels() {
    return wheels;
  }

  public Path cache() {
    return cache;
  }

  @Override
  public String message(SettingNames names) {
    return render(wheels, cache, names);
  }

  private static String render(List<String> wheels, Path cache, SettingNames names) {
    return names.offline()
        + ", and "
        + wheels.size()
        + " wheel"
        + (wheels.size() == 1 ? " is" : "s are")
        + " not in the cache "
        + cache
        + ": "
        + String.join(", ", wheels)
        + ". Build once online to fill the cache, or point <indexUrl> at a file:// mirror that"
        + " has them (offline mode reads local files).";
  }
}
