// Writes a cloud assembly to disk: all files into a temporary sibling directory that is
// then swapped into place, so a failed write never leaves a half-written output.
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "opsynth/core/json_writer.hpp"
#include "opsynth/core/synth.hpp"

namespace opsynth {
namespace fs = std::filesystem;

std::string render_template_json(const Json& template_json) {
  std::string out;
  JsonWriter(out).value(template_json);
  return out;
}

namespace {

void emit_yaml(YAML::Emitter& out, const Json& j) {
  if (j.is_object()) {
    out << YAML::BeginMap;
    for (const auto& [k, v] : j.items()) {
      out << YAML::Key << YAML::DoubleQuoted << k << YAML::Value;
      emit_yaml(out, v);
    }
    out << YAML::EndMap;
  } else if (j.is_array()) {
    out << YAML::BeginSeq;
    for (const auto& v : j) emit_yaml(out, v);
    out << YAML::EndSeq;
  } else if (j.is_string()) {
    // Always quoted: a plain "true" or "123" would read back as a bool or number.
    out << YAML::DoubleQuoted << j.get<std::string>();
  } else if (j.is_null()) {
    out << YAML::Null;
  } else {
    out << j.dump();
  }
}

std::string render_yaml(const Json& j) {
  YAML::Emitter out;
  out.SetIndent(2);
  emit_yaml(out, j);
  // yaml-cpp writes DEL (0x7F) raw, which YAML does not allow in any scalar. Every string is
  // double-quoted above (numbers, booleans and null hold no DEL), so each one is inside such a
  // scalar, where the escape \x7F is valid.
  std::string text;
  for (char c : std::string_view(out.c_str(), out.size())) {
    if (c == '\x7f') text += "\\x7F";
    else text += c;
  }
  return text + "\n";
}

void write_file(const fs::path& p, const std::string& content) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  if (!f) throw std::runtime_error(fmt::format("cannot create {}: {}", p.string(), std::strerror(errno)));
  f.write(content.data(), static_cast<std::streamsize>(content.size()));
  f.close();
  if (!f) throw std::runtime_error(fmt::format("cannot write {}: {}", p.string(), std::strerror(errno)));
}

// A directory next to `outdir` (same file system, so rename works).
fs::path sibling_temp_dir(const fs::path& outdir, const char* what) {
  fs::path parent = outdir.parent_path().empty() ? fs::path(".") : outdir.parent_path();
  return parent / fmt::format(".{}.opsynth-{}-{}", outdir.filename().string(), what, ::getpid());
}

// What a cloud assembly holds, by name: what opsynth writes (templates, the manifest, tree.json,
// cdk.out), what aws-cdk-lib adds (asset.* staging, *.assets.json, nested assembly-* directories)
// and the lock files the cdk CLI puts in the output directory before it runs the app.
bool is_assembly_content(const std::string& name) {
  return name == "manifest.json" || name == "tree.json" || name == "cdk.out" || name.starts_with("asset.") ||
         name.starts_with("assembly-") || name.ends_with(".template.json") || name.ends_with(".template.yaml") ||
         name.ends_with(".assets.json") || name.ends_with(".lock");
}

// A directory the assembly may replace: missing, empty, or holding only what a cloud assembly
// holds (a previous one has manifest.json or cdk.out; the cdk CLI's lock files alone are allowed
// too). Returns what is wrong, or "" when `outdir` may be replaced.
std::string unreplaceable_reason(const fs::path& outdir) {
  std::error_code ec;
  if (fs::is_symlink(outdir, ec) && !fs::exists(outdir, ec))
    return fmt::format("{}: is a symbolic link to {}, which does not exist; create the directory it points to, or give "
                       "another output directory",
                       outdir.string(), fs::read_symlink(outdir, ec).string());
  const auto status = fs::status(outdir, ec);
  if (ec || !fs::exists(status)) return "";
  // The swap would leave the working directory (a shell's, a build's) deleted under its users.
  const fs::path cwd = fs::current_path(ec);
  const fs::path target = fs::canonical(outdir, ec);
  if (!ec && !cwd.empty()) {
    const auto [end, unused] = std::mismatch(target.begin(), target.end(), cwd.begin(), cwd.end());
    if (end == target.end())
      return fmt::format("{}: holds the working directory, and writing replaces the whole directory; give a "
                         "directory beside or below it, such as cdk.out",
                         outdir.string());
  }
  if (!fs::is_directory(status))
    return fmt::format("{}: is not a directory; give a new or empty directory, or a previous cloud assembly",
                       outdir.string());
  std::vector<std::string> foreign;  // sorted below: the same entry is named every time
  bool assembly = false;
  for (const auto& entry : fs::directory_iterator(outdir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!is_assembly_content(name)) foreign.push_back(name);
    assembly = assembly || name == "manifest.json" || name == "cdk.out";
  }
  if (foreign.empty()) return "";
  std::sort(foreign.begin(), foreign.end());
  if (!assembly)
    return fmt::format("{}: is a directory that is not a cloud assembly (it holds {}), and writing replaces the whole "
                       "directory; give a new or empty directory, or a previous cloud assembly",
                       outdir.string(), foreign.front());
  return fmt::format("{}: holds {}, which is not part of a cloud assembly, and writing replaces the whole directory; "
                     "move it out, or give a new or empty directory, or a previous cloud assembly",
                     outdir.string(), foreign.front());
}

// The directory a path names: "out/." and "out/" are out. A symlink is followed, so the assembly
// it points to is replaced and the link stays (swapping the new directory in replaced the link).
fs::path output_directory(const fs::path& given) {
  fs::path p = given.lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  std::error_code ec;
  if (fs::is_symlink(p, ec))
    if (fs::path target = fs::canonical(p, ec); !ec) return target;
  return p;
}

// Only root may give a file away; anyone else keeps the new directory as their own.
void copy_owner(const fs::path& from, const fs::path& to) {
  struct stat st {};
  if (::stat(from.c_str(), &st) != 0 || (st.st_uid == ::geteuid() && st.st_gid == ::getegid())) return;
  if (::chown(to.c_str(), st.st_uid, st.st_gid) != 0) {
    // Not allowed: the directory stays ours, as a new one would be.
  }
}

}  // namespace

void write_assembly(const CloudAssembly& assembly, const fs::path& outdir_in, TemplateFormat format) {
  const fs::path outdir = output_directory(outdir_in);
  // The swap below replaces whatever is at `outdir`: refuse anything but a previous assembly.
  if (std::string reason = unreplaceable_reason(outdir); !reason.empty()) throw std::runtime_error(reason);
  const fs::path tmp = sibling_temp_dir(outdir, "new");
  std::error_code ec;
  fs::remove_all(tmp, ec);
  if (!fs::create_directories(tmp, ec) && ec) {
    throw std::runtime_error(fmt::format("cannot write the cloud assembly: cannot create {}: {}; choose a writable "
                                         "output directory with -o DIR",
                                         tmp.string(), ec.message()));
  }
  try {
    for (const auto& s : assembly.stacks) {
      write_file(tmp / s.template_file, s.template_text);
      if (format == TemplateFormat::JsonAndYaml) {
        std::string yaml_name = s.template_file.substr(0, s.template_file.size() - 5) + ".yaml";
        write_file(tmp / yaml_name, render_yaml(s.template_json()));
      }
    }
    write_file(tmp / "manifest.json", assembly.manifest_text);
    write_file(tmp / "tree.json", assembly.tree_text);
    write_file(tmp / "cdk.out", Json{{"version", kCloudAssemblyVersion}}.dump());
    // The cdk CLI keeps lock files in the directory it asked us to write: carry them over.
    if (fs::is_directory(outdir, ec)) {
      for (const auto& entry : fs::directory_iterator(outdir, ec))
        if (entry.path().extension() == ".lock") fs::copy_file(entry.path(), tmp / entry.path().filename(), ec);
    }
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }

  // Swap the new directory into place in one step (Linux renameat2 RENAME_EXCHANGE), with the
  // permissions and owner of the one it replaces (the owner only where that is allowed).
  if (fs::exists(outdir, ec)) {
    fs::permissions(tmp, fs::status(outdir, ec).permissions(), ec);
    copy_owner(outdir, tmp);
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, outdir.c_str(), RENAME_EXCHANGE) != 0) {
      int err = errno;
      fs::remove_all(tmp, ec);
      throw std::runtime_error(
          fmt::format("cannot replace {}: {}; the previous output is unchanged", outdir.string(), std::strerror(err)));
    }
    fs::remove_all(tmp, ec);  // now holds the previous assembly
  } else {
    fs::rename(tmp, outdir, ec);
    if (ec) {
      fs::remove_all(tmp, ec);
      throw std::runtime_error(fmt::format("cannot create {}: {}", outdir.string(), ec.message()));
    }
  }
}

}  // namespace opsynth
