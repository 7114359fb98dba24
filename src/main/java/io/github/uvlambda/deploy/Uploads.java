package io.github.uvlambda.deploy;

import io.github.uvlambda.SettingNeededException;
import io.github.uvlambda.deploy.aws.S3Target;
import io.github.uvlambda.deploy.aws.ZipUploads;
import java.nio.file.Path;
import java.util.List;

/** Before any AWS call: a zip that must go through S3 needs a bucket. */
final class Uploads {
  private Uploads() {}

  static void check(List<FunctionArtifacts> functions, S3Target s3) {
    if (s3.hasBucket()) {
      return;
    }
    for (FunctionArtifacts a : functions) {
      for (Path zip : new Path[] {a.codeZip(), a.layerZip()}) {
        if (zip != null && ZipUploads.needsS3(zip, s3)) {
          throw new SettingNeededException(
              a.spec().functionName()
                  + ": "
                  + zip.getFileName()
                  + " is "
                  + ZipUploads.size(zip) / 1048576
                  + " MB; Lambda takes at most 50 MB directly, larger zips go through S3. Set ",
              "s3Bucket",
              "my-bucket",
              ". Nothing was deployed.");
        }
      }
    }
  }
}
