package io.github.uvlambda.deploy;

import io.github.uvlambda.build.LayerReport;
import io.github.uvlambda.deploy.aws.AwsClients;
import io.github.uvlambda.lambda.LambdaLimits;
import java.util.ArrayList;
import java.util.List;

/** Lambda's 250 MB for a function and its layers, unzipped, counting code.zip and deps.zip. */
final class UnzippedSizeCheck implements PreWriteCheck {
  @Override
  public List<String> problems(List<FunctionArtifacts> functions, AwsClients aws) {
    List<String> problems = new ArrayList<>();
    for (FunctionArtifacts a : functions) {
      long layer = a.layerReport() == null ? 0 : a.layerReport().unzippedSize();
      long total = a.codeUnzipped() + layer;
      if (total > LambdaLimits.UNZIPPED_SIZE) {
        problems.add(
            a.spec().functionName()
                + ": code.zip ("
                + LayerReport.mb(a.codeUnzipped())
                + ") and deps.zip ("
                + LayerReport.mb(layer)
                + ") are "
                + LayerReport.mb(total)
                + " unzipped, more than Lambda's 250 MB for a function and its layers."
                + (a.layerReport() == null ? "" : "\n" + a.layerReport().table()));
      }
    }
    return problems;
  }
}
