package io.github.uvlambda.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.uvlambda.function.FunctionSettings;
import io.github.uvlambda.function.Purpose;
import io.github.uvlambda.maven.help.HelpMojo;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn uv-lambda:help -Ddetail -Dgoal=GOAL} prints, read from the generated help goal
 * itself: each goal lists exactly the parameters it uses, and the build goals none of the deploy
 * settings. A new parameter goes into the list of its goals here (docs/architecture.md says which
 * class declares it).
 */
class GoalParametersTest {

  private static final Set<String> EVERY_GOAL = Set.of("functions", "skip");

  /** Every goal but uv-destroy, which reads only names. */
  private static final Set<String> SOURCES = Set.of("lambdasDir");

  /** Where and as whom AWS is reached, and what a removal may delete. */
  private static final Set<String> AWS =
      Set.of(
          "dryRun",
          "region",
          "profile",
          "endpointUrl",
          "retryMode",
          "stack",
          "deleteLogs",
          "deleteQueuedMessages");

  private static final Set<String> ZIPS = Set.of("outputDirectory", "outputTimestamp");
  private static final Set<String> CODE =
      Set.of("handler", "allowedSecretFiles", "useDefaultExcludes", "compileCode");
  private static final Set<String> LAYER_TARGET =
      Set.of("architecture", "pythonVersion", "excludePackages", "powertoolsLayerArn");
  private static final Set<String> LOCK = Set.of("skipLockCheck", "locked", "uvExecutable");
  private static final Set<String> FETCH =
      Set.of("installer", "indexUrl", "indexServerId", "cacheDirectory", "downloadThreads");
  private static final Set<String> LAYER_CONTENT =
      Set.of("compileBytecode", "excludeRuntimePackages");

  /** The CPython that compiles bytecode, for code.zip or deps.zip. */
  private static final Set<String> PYTHON = Set.of("pythonExecutable");

  /** The help goal's output for one goal. */
  static String help(String goal) throws Exception {
    StringBuilder out = new StringBuilder();
    HelpMojo mojo = new HelpMojo();
    set(mojo, "detail", true);
    set(mojo, "goal", goal);
    set(mojo, "lineLength", 80);
    set(mojo, "indentSize", 2);
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void info(CharSequence content) {
            out.append(content).append('\n');
          }
        });
    mojo.execute();
    return out.toString();
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  /** The parameter names under "Available parameters:". */
  static Set<String> parameters(String goal) throws Exception {
    Pattern name = Pattern.compile("^    (\\w+)(?: \\(Default: .*\\))?$");
    Set<String> out = new TreeSet<>();
    for (String line : help(goal).split("\n")) {
      Matcher m = name.matcher(line);
      if (m.matches()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void uvPackageListsOnlyWhatPackagingUses() throws Exception {
    assertThat(parameters("uv-package"))
        .isEqualTo(
            union(
                EVERY_GOAL,
                SOURCES,
                ZIPS,
                CODE,
                PYTHON,
                Set.of("pythonVersion", "uvExecutable", "attach", "skipPackage")));
  }

  @Test
  void uvLayerListsOnlyWhatALayerUses() throws Exception {
    assertThat(parameters("uv-layer"))
        .isEqualTo(
            union(
                EVERY_GOAL,
                SOURCES,
                ZIPS,
                LAYER_TARGET,
                LOCK,
                FETCH,
                LAYER_CONTENT,
                PYTHON,
                Set.of("attach", "skipLayer")));
  }

  @Test
  void uvExportListsOnlyExportSettings() throws Exception {
    assertThat(parameters("uv-export"))
        .isEqualTo(
            union(
                EVERY_GOAL,
                SOURCES,
                LAYER_TARGET,
                LOCK,
                Set.of(
                    "skipExport",
                    "function",
                    "groups",
                    "onlyGroups",
                    "noGroups",
                    "noDefaultGroups",
                    "noDev",
                    "allGroups",
                    "extras",
                    "allExtras",
                    "noEmitPackages",
                    "noEmitProject",
                    "output",
                    "wheelsOutput")));
  }

  @Test
  void uvDeployHasTheLayerSettingsEveryFunctionDefaultAndItsOwn() throws Exception {
    Set<String> deploy = parameters("uv-deploy");
    assertThat(deploy)
        .containsAll(
            union(
                EVERY_GOAL,
                SOURCES,
                ZIPS,
                CODE,
                PYTHON,
                LAYER_TARGET,
                LOCK,
                FETCH,
                LAYER_CONTENT,
                AWS));
    assertThat(deploy)
        .contains("handler", "memorySize", "durableConfig", "inlinePolicies", "region", "dryRun")
        .doesNotContain("skipLayer", "skipPackage", "attach", "output");
  }

  /** A destroy builds nothing: no source, lock, layer or deploy setting, only AWS and names. */
  @Test
  void uvDestroyListsOnlyWhereAndWhatToDelete() throws Exception {
    assertThat(parameters("uv-destroy"))
        .isEqualTo(union(EVERY_GOAL, AWS, Set.of("outputDirectory", "skipDestroy")));
  }

  /** The acceptance check of issue 12: no deploy setting on a build goal. */
  @Test
  void noBuildGoalShowsADeploySetting() throws Exception {
    List<String> deployOnly = new ArrayList<>();
    for (FunctionSettings.Field<?> f : FunctionSettings.fields()) {
      if (!Purpose.CODE.reads(f) && !Purpose.LAYER.reads(f)) {
        deployOnly.add(f.parameter().split("/")[0]);
      }
    }
    Set<String> awsOnly = new TreeSet<>(parameters("uv-deploy"));
    awsOnly.removeAll(parameters("uv-layer"));
    awsOnly.removeAll(parameters("uv-package"));
    awsOnly.removeAll(parameters("uv-export"));
    assertThat(awsOnly).contains("memorySize", "inlinePolicies", "region", "dryRun", "s3Bucket");
    for (String goal : List.of("uv-package", "uv-layer", "uv-export")) {
      assertThat(parameters(goal))
          .as(goal)
          .doesNotContainAnyElementsOf(deployOnly)
          .doesNotContainAnyElementsOf(awsOnly);
    }
  }

  /** Every field of {@code <function>} and its nested elements is described in the help. */
  @Test
  void everyFunctionFieldIsDocumentedInTheHelpOfEveryGoal() throws Exception {
    List<String> names = new ArrayList<>();
    for (Class<?> bean :
        List.of(
            FunctionConfig.class,
            FunctionConfig.DurableConfigBean.class,
            FunctionConfig.InlinePolicyConfig.class)) {
      for (Field f : bean.getDeclaredFields()) {
        if (!f.isSynthetic() && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
          names.add(f.getName());
        }
      }
    }
    assertThat(names).hasSizeGreaterThan(30);
    for (String goal : List.of("uv-package", "uv-layer", "uv-export", "uv-deploy", "uv-destroy")) {
      String help = help(goal);
      String functions = help.substring(help.indexOf("\n    functions\n"));
      for (String name : names) {
        assertThat(functions)
            .as("%s: <function> field %s", goal, name)
            .containsPattern("(\\* |<)" + name + "[:>]");
      }
    }
  }
}
