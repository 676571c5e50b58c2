// The S3 general purpose bucket naming rules
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
#include <regex>

#include "opsynth/s3/bucket.hpp"

namespace opsynth::s3 {

std::vector<std::string> validate_bucket_name(const std::string& name) {
  std::vector<std::string> errors;
  const std::string quoted = "bucket name \"" + name + "\"";
  if (name.size() < 3 || name.size() > 63)
    errors.push_back(quoted + " is " + std::to_string(name.size()) + " characters long; S3 allows 3 to 63");
  static const std::regex kChars("^[a-z0-9.-]*$");
  if (!std::regex_match(name, kChars))
    errors.push_back(quoted + " has characters S3 does not allow (uppercase letters, underscores...); "
                     "use lowercase letters, digits, dots and hyphens");
  static const std::regex kEnds("^[a-z0-9](.*[a-z0-9])?$");
  if (!name.empty() && !std::regex_match(name, kEnds))
    errors.push_back(quoted + " must start and end with a lowercase letter or a digit");
  if (name.find("..") != std::string::npos)
    errors.push_back(quoted + " has two adjacent periods; S3 does not allow them");
  if (name.find(".-") != std::string::npos || name.find("-.") != std::string::npos)
    errors.push_back(quoted + " has a period next to a hyphen; S3 does not allow it");
  static const std::regex kIp(R"(^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$)");
  if (std::regex_match(name, kIp)) errors.push_back(quoted + " is formatted as an IP address; S3 does not allow it");
  for (const char* prefix : {"xn--", "sthree-", "amzn-s3-demo-"})
    if (name.starts_with(prefix))
      errors.push_back(quoted + " starts with \"" + prefix + "\", a prefix S3 reserves");
  for (const char* suffix : {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"})
    if (name.ends_with(suffix)) errors.push_back(quoted + " ends with \"" + suffix + "\", a suffix S3 reserves");
  return errors;
}

}  // namespace opsynth::s3
