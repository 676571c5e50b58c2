#!/usr/bin/env python3
"""Generate opsynth's L1 layer (typed C++ classes) from the resource provider schemas in spec/schemas/.

    python3 spec/generate_l1.py --out BUILD/generated [--test-app FILE] [--list]

For every spec/schemas/<name>.json (after applying spec/patches/<name>.json, if any) it writes
  include/opsynth/cfn/<service>/<resource>.hpp   property structs + the Cfn<Resource> class
  src/cfn/<service>/<resource>.cpp               rendering, validation rule tables
and once: include/opsynth/cfn/all.hpp (umbrella) and src/cfn/registry.cpp (find_schema_info).
--test-app writes a program that synthesizes one resource of every type, filled from the
schema's required properties (values from spec/samples.json where a generic one won't do).
Files are only rewritten when their content changes, so the build recompiles what changed.
Only the Python standard library is used.
"""
import argparse
import copy
import json
import pathlib
import re
import sys

SPEC = pathlib.Path(__file__).resolve().parent
GEN = "spec/generate_l1.py"

CPP_KEYWORDS = set("""alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t
char32_t class compl concept const consteval constexpr constinit const_cast continue co_await co_return co_yield
decltype default delete do double dynamic_cast else enum explicit export extern false float for friend goto if
inline int long mutable namespace new noexcept not not_eq nullptr operator or or_eq private protected public
register reinterpret_cast requires return short signed sizeof static static_assert static_cast struct switch
template this thread_local throw true try typedef typeid typename union unsigned using virtual void volatile
wchar_t while xor xor_eq""".split())


# ----------------------------------------------------------------------------- names

def snake(name: str) -> str:
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    s = re.sub(r"[^A-Za-z0-9_]", "_", s).lower()
    if s and s[0].isdigit():
        s = "_" + s
    return s + "_" if s in CPP_KEYWORDS else s


def camel(name: str) -> str:
    parts = re.split(r"[^A-Za-z0-9]+", name)
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


def cpp_str(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\%03o" % ord(ch))
        elif ch == "?":
            out.append("?")  # no trigraphs since C++17
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def comment(text: str, indent: str) -> str:
    lines = []
    for para in str(text).strip().splitlines():
        para = para.replace("*/", "* /").rstrip()
        while len(para) > 100:
            cut = para.rfind(" ", 0, 100)
            cut = cut if cut > 20 else 100
            lines.append(para[:cut])
            para = para[cut:].lstrip()
        lines.append(para)
    return "".join(f"{indent}// {l}".rstrip() + "\n" for l in lines)


# ----------------------------------------------------------------------------- patches

def apply_patch(doc, ops, where):
    """A JSON-patch subset (RFC 6902): add, replace, remove. Paths use '/' and '~1' for '/'."""
    for op in ops:
        parts = [p.replace("~1", "/").replace("~0", "~") for p in op["path"].split("/")[1:]]
        parent = doc
        for p in parts[:-1]:
            parent = parent[int(p)] if isinstance(parent, list) else parent[p]
        last = parts[-1]
        kind = op["op"]
        if isinstance(parent, list):
            idx = len(parent) if last == "-" else int(last)
            if kind == "add":
                parent.insert(idx, op["value"])
            elif kind == "replace":
                parent[idx] = op["value"]
            elif kind == "remove":
                del parent[idx]
            else:
                raise SystemExit(f"{where}: unsupported op {kind}")
        else:
            if kind in ("add", "replace"):
                if kind == "replace" and last not in parent:
                    raise SystemExit(f"{where}: replace of missing {op['path']}")
                parent[last] = op["value"]
            elif kind == "remove":
                del parent[last]
            else:
                raise SystemExit(f"{where}: unsupported op {kind}")
    return doc


def load_schema(path: pathlib.Path):
    schema = json.loads(path.read_text())
    patch = SPEC / "patches" / path.name
    if patch.exists():
        schema = apply_patch(schema, json.loads(patch.read_text()), str(patch))
    return schema


# ----------------------------------------------------------------------------- regex

UNSUPPORTED_REGEX = [r"\p", r"\P", "(?<", "(?i", "(?s", "(?m", "(?x", r"\G", "(?P", "*+", "++", "?+"]


def ecma_pattern(p):
    """A schema pattern in the syntax std::regex (ECMAScript) understands, or None to skip it."""
    if any(u in p for u in UNSUPPORTED_REGEX):
        return None
    return p.replace(r"\Z", "$").replace(r"\z", "$").replace(r"\A", "^")


# ----------------------------------------------------------------------------- model

class Resource:
    def __init__(self, path: pathlib.Path):
        self.file = path.name
        self.schema = load_schema(path)
        s = self.schema
        self.type_name = s["typeName"]
        _, service, res = self.type_name.split("::")
        self.service = snake(service).replace("_", "")
        self.res_snake = snake(res)
        self.class_name = "Cfn" + res
        self.props_name = self.class_name + "Props"
        self.ns = f"opsynth::cfn::{self.service}"
        self.sub_ns = self.res_snake  # property structs: opsynth::cfn::<service>::<resource>::XProperty
        self.defs = s.get("definitions", {})
        self.read_only = [p for p in s.get("readOnlyProperties", [])]
        ro_top = {p.split("/")[2] for p in self.read_only if p.count("/") == 2}
        self.props = {k: v for k, v in s.get("properties", {}).items() if k not in ro_top}
        self.structs = {}  # name -> dict(schema=..., fields=[(prop, cpp_name, type, schema)])
        self.struct_order = []
        self.def_struct = {}  # definition name -> struct name
        self.inline_struct = {}  # id(inline object schema) -> struct name
        tagging = s.get("tagging", {})
        self.taggable = bool(tagging.get("taggable", False)) and "tagProperty" in tagging
        self.tag_property = tagging.get("tagProperty", "").split("/")[-1] if self.taggable else ""
        if self.tag_property and self.tag_property not in self.props:
            self.taggable, self.tag_property = False, ""

    # --- schema helpers
    def resolve(self, s):
        """Follows $ref (siblings of $ref are merged over the definition, as cfn-lint reads them)."""
        seen = 0
        while isinstance(s, dict) and "$ref" in s:
            name = s["$ref"].split("/")[-1]
            target = self.defs[name]
            siblings = {k: v for k, v in s.items() if k != "$ref"}
            s = dict(target, **siblings) if siblings else target
            seen += 1
            if seen > 20:
                break
        return s

    def is_tag_def(self, s):
        s = self.resolve(s)
        p = s.get("properties") if isinstance(s, dict) else None
        return bool(p) and set(p) == {"Key", "Value"} and all(
            self.resolve(v).get("type") == "string" for v in p.values())

    # --- C++ types
    def struct_for(self, name_hint, s, def_name=None):
        if def_name and def_name in self.def_struct:
            return self.def_struct[def_name]
        if not def_name and id(s) in self.inline_struct:
            return self.inline_struct[id(s)]
        base = camel(name_hint) + "Property"
        name, i = base, 2
        while name in self.structs:
            name = f"{camel(name_hint)}{i}Property"
            i += 1
        if def_name:
            self.def_struct[def_name] = name
        else:
            self.inline_struct[id(s)] = name
        self.structs[name] = {"schema": s, "fields": [], "def": def_name}
        fields = []
        for prop in sorted(s.get("properties", {})):
            ps = s["properties"][prop]
            fields.append((prop, snake(prop), self.cpp_type(ps, prop), ps))
        self.structs[name]["fields"] = fields
        self.struct_order.append(name)
        return name

    def cpp_type(self, s, hint):
        def_name = None
        if isinstance(s, dict) and "$ref" in s and len(s) == 1:
            def_name = s["$ref"].split("/")[-1]
            hint = def_name
        r = self.resolve(s)
        if not isinstance(r, dict):
            return "cfn::Json"
        t = r.get("type")
        if isinstance(t, list):
            t = t[0] if len(t) == 1 else None
            if t is None:
                return "cfn::Json"
        if t is None:
            if "properties" in r:
                t = "object"
            elif "items" in r:
                t = "array"
            else:
                for key in ("oneOf", "anyOf"):
                    for branch in r.get(key, []):
                        b = dict({k: v for k, v in r.items() if k not in ("oneOf", "anyOf")})
                        if "$ref" in branch:
                            b = dict(self.resolve(branch), **{k: v for k, v in b.items()})
                            b.update({k: v for k, v in branch.items() if k != "$ref"})
                        else:
                            b.update(branch)
                        ct = self.cpp_type(b, hint)
                        if ct != "cfn::Json":
                            return ct
                return "cfn::Json"
        if t == "string":
            return "cfn::String"
        if t in ("integer", "number"):
            return "cfn::Number"
        if t == "boolean":
            return "cfn::Boolean"
        if t == "array":
            items = r.get("items")
            if not isinstance(items, dict):
                return "cfn::List<cfn::Json>"
            return f"cfn::List<{self.cpp_type(items, hint)}>"
        if t == "object":
            if r.get("properties"):
                if self.is_tag_def(r):
                    return "cfn::Object<cfn::CfnTag>"
                return f"cfn::Object<{self.struct_for(hint, r, def_name)}>"
            pp = r.get("patternProperties")
            if isinstance(pp, dict) and pp:
                return f"cfn::Map<{self.cpp_type(next(iter(pp.values())), hint)}>"
            ap = r.get("additionalProperties")
            if isinstance(ap, dict):
                return f"cfn::Map<{self.cpp_type(ap, hint)}>"
            return "cfn::Json"
        return "cfn::Json"

    def build_types(self):
        self.fields = [(p, snake(p), self.cpp_type(self.props[p], p), self.props[p]) for p in sorted(self.props)]
        tag_type = None
        if self.taggable:
            tag_type = dict((f[0], f[2]) for f in self.fields)[self.tag_property]
        if tag_type is None:
            self.tag_format = "None"
        elif tag_type.startswith("cfn::List<cfn::Object<cfn::CfnTag>>"):
            self.tag_format = "KeyValueList"
        elif tag_type.startswith("cfn::Map<"):
            self.tag_format = "Map"
        else:
            self.tag_format = "None"
        self.tag_type = tag_type

    def attributes(self):
        out = []
        for p in self.read_only:
            parts = p.split("/")[2:]
            if not parts or "*" in parts:
                continue
            out.append((".".join(parts), "attr_" + snake("".join(parts)).rstrip("_")))
        return out


# ----------------------------------------------------------------------------- rule tables

class Tables:
    TYPE_BITS = {"string": "kString", "number": "kNumber", "integer": "kInteger", "boolean": "kBoolean",
                 "array": "kArray", "object": "kObject", "null": "kNull"}

    def __init__(self, res: Resource):
        self.res = res
        self.nodes = []
        self.props = []
        self.strings = []
        self.lists = []
        self.exclusions = []
        self.memo = {}

    def strs(self, values):
        begin = len(self.strings)
        self.strings.extend(values)
        return (begin, len(values))

    def node(self, s):
        res = self.res
        key = None
        if isinstance(s, dict) and set(s) == {"$ref"}:
            key = s["$ref"]
            if key in self.memo:
                return self.memo[key]
        s = res.resolve(s)
        if not isinstance(s, dict):
            s = {}
        idx = len(self.nodes)
        self.nodes.append(None)
        if key:
            self.memo[key] = idx
        n = {}
        t = s.get("type")
        ts = t if isinstance(t, list) else ([t] if t else [])
        bits = [self.TYPE_BITS[x] for x in ts if x in self.TYPE_BITS]
        if bits:
            n["types"] = " | ".join(bits)
        flags = []
        if s.get("additionalProperties") is False:
            flags.append("kClosed")
        if s.get("uniqueItems") is True:
            flags.append("kUniqueItems")
        enum = s.get("enum", [s["const"]] if "const" in s else None)
        if enum:
            if all(isinstance(e, str) for e in enum):
                n["enums"] = self.strs(enum)
            elif all(isinstance(e, (int, float)) and not isinstance(e, bool) for e in enum):
                n["enums"] = self.strs([json.dumps(e) for e in enum])
                flags.append("kNumericEnum")
        one_of = s.get("oneOf")
        if isinstance(one_of, list) and one_of and all(isinstance(b, dict) and set(b) == {"required"} for b in one_of):
            flags.append("kOneOfExclusive")
        for k_json, k_c, op in (("exclusiveMinimum", "minimum", "kExclusiveMin"), ("exclusiveMaximum", "maximum", "kExclusiveMax")):
            if isinstance(s.get(k_json), (int, float)) and not isinstance(s.get(k_json), bool):
                n[k_c] = float(s[k_json])
                flags.append(op)
        if flags:
            n["flags"] = " | ".join(flags)
        # properties (the root leaves out read-only ones: CloudFormation rejects them)
        props = s.get("properties")
        if isinstance(props, dict) and props:
            if s is res.schema:
                props = res.props
            children = [(name, self.node(props[name])) for name in sorted(props)]
            begin = len(self.props)
            self.props.extend(children)
            n["props"] = (begin, len(children))
        req = s.get("required")
        if isinstance(req, list) and req:
            n["required"] = self.strs(sorted(req))
        items = s.get("items")
        if isinstance(items, dict):
            n["items"] = self.node(items)
        pp = s.get("patternProperties")
        if isinstance(pp, dict) and pp:
            kp, vs = next(iter(pp.items()))
            n["additional"] = self.node(vs)
            kp = ecma_pattern(kp)
            if kp is not None and len(pp) == 1:
                n["key_pattern"] = kp
        elif isinstance(s.get("additionalProperties"), dict):
            n["additional"] = self.node(s["additionalProperties"])
        for key in ("oneOf", "anyOf"):
            branches = s.get(key)
            if isinstance(branches, list) and branches:
                ids = [self.node(b) for b in branches]
                begin = len(self.lists)
                self.lists.extend(ids)
                n["one_of" if key == "oneOf" else "any_of"] = (begin, len(ids))
        if isinstance(s.get("requiredXor"), list):
            n["required_xor"] = self.strs(s["requiredXor"])
        if isinstance(s.get("requiredOr"), list):
            n["required_or"] = self.strs(s["requiredOr"])
        de = s.get("dependentExcluded")
        if isinstance(de, dict) and de:
            begin = len(self.exclusions)
            for prop in sorted(de):
                self.exclusions.append((prop, self.strs(de[prop])))
            n["excluded"] = (begin, len(de))
        for k_json, k_c in (("minLength", "min_length"), ("maxLength", "max_length"),
                            ("minItems", "min_items"), ("maxItems", "max_items")):
            if isinstance(s.get(k_json), int) and not isinstance(s.get(k_json), bool):
                n[k_c] = s[k_json]
        for k_json, k_c in (("minimum", "minimum"), ("maximum", "maximum")):
            if isinstance(s.get(k_json), (int, float)) and not isinstance(s.get(k_json), bool):
                n[k_c] = float(s[k_json])
        if isinstance(s.get("pattern"), str):
            p = ecma_pattern(s["pattern"])
            if p is not None:
                n["pattern"] = p
        self.nodes[idx] = n
        return idx

    ORDER = ["types", "flags", "props", "required", "enums", "items", "additional", "key_pattern", "one_of",
             "any_of", "required_xor", "required_or", "excluded", "min_length", "max_length", "min_items",
             "max_items", "minimum", "maximum", "pattern"]

    def emit(self, var):
        out = []
        w = out.append
        w("namespace {\nusing namespace opsynth::cfn::schema;\n")
        strings = self.strings or ["" ]
        w("constexpr std::string_view kStrings[] = {\n")
        for s in strings:
            w(f"    {cpp_str(s)},\n")
        w("};\n")
        w("constexpr Prop kProps[] = {\n")
        for name, node in (self.props or [("", 0)]):
            w(f"    {{{cpp_str(name)}, {node}}},\n")
        w("};\n")
        w("constexpr std::uint16_t kLists[] = {" + ", ".join(str(i) for i in (self.lists or [0])) + "};\n")
        w("constexpr Exclusion kExclusions[] = {\n")
        for prop, span in (self.exclusions or [("", (0, 0))]):
            w(f"    {{{cpp_str(prop)}, {{{span[0]}, {span[1]}}}}},\n")
        w("};\n")
        w("constexpr Node kNodes[] = {\n")
        for i, n in enumerate(self.nodes):
            parts = []
            for k in self.ORDER:
                if k not in n:
                    continue
                v = n[k]
                if isinstance(v, tuple):
                    v = f"{{{v[0]}, {v[1]}}}"
                elif isinstance(v, float):
                    v = repr(v) if v == v and abs(v) != float("inf") else "0.0"
                elif k in ("key_pattern", "pattern"):
                    v = cpp_str(v)
                parts.append(f".{k} = {v}")
            w(f"    /* {i} */ {{{', '.join(parts)}}},\n")
        w("};\n}  // namespace\n\n")
        w(f"extern constexpr Table {var} = {{{cpp_str(self.res.type_name)}, kNodes, kProps, kStrings, kLists, "
          f"kExclusions, 0}};\n")
        return "".join(out)


# ----------------------------------------------------------------------------- emit

def header_line(res):
    return f"// generated by {GEN} from spec/schemas/{res.file}; do not edit.\n"


def table_var(res):
    return "k" + re.sub(r"[^A-Za-z0-9]", "_", res.type_name)


def constraint_doc(res, s):
    r = res.resolve(s)
    if not isinstance(r, dict):
        return ""
    bits = []
    if r.get("description"):
        bits.append(str(r["description"]))
    if "enum" in r:
        bits.append("Allowed: " + ", ".join(str(e) for e in r["enum"]) + ".")
    if "minLength" in r or "maxLength" in r:
        bits.append(f"Length {r.get('minLength', 0)}..{r.get('maxLength', '')}.")
    if "minimum" in r or "maximum" in r:
        bits.append(f"Range {r.get('minimum', '')}..{r.get('maximum', '')}.")
    if "pattern" in r:
        bits.append(f"Pattern: `{r['pattern']}`.")
    if "format" in r and r["format"] != "json":
        bits.append(f"Format: {r['format']}.")
    return " ".join(bits)


def emit_header(res: Resource):
    out = []
    w = out.append
    w(header_line(res))
    w(f"// {res.type_name}" + (f" ({res.schema['sourceUrl']})" if res.schema.get("sourceUrl") else "") + "\n")
    if res.schema.get("description"):
        w(comment(res.schema["description"], ""))
    w("#pragma once\n\n#include <optional>\n#include <string>\n#include <string_view>\n#include <vector>\n\n")
    w('#include "opsynth/cfn/types.hpp"\n#include "opsynth/core/cfn_element.hpp"\n\n')
    w(f"namespace {res.ns} {{\n\n")
    w(f"namespace {res.sub_ns} {{\n")
    for name in res.struct_order:
        w(f"struct {name};\n")
    w("\n")
    for name in res.struct_order:
        st = res.structs[name]
        doc = f"{res.type_name}" + (f" definition {st['def']}" if st["def"] else f" property type {name}")
        w(f"// {doc}.\n")
        d = st["schema"].get("description")
        if d:
            w(comment(d, ""))
        req = set(st["schema"].get("required", []))
        w(f"struct {name} {{\n")
        for prop, field, ctype, ps in st["fields"]:
            doc = f"{prop}{' (required)' if prop in req else ''}. {constraint_doc(res, ps)}".strip()
            w(comment(doc, "  "))
            w(f"  cfn::Optional<{ctype}> {field};\n")
        w("\n  Value to_value() const;\n};\n\n")
    w(f"}}  // namespace {res.sub_ns}\n\n")

    required = set(res.schema.get("required", []))
    create_only = {p.split("/")[2] for p in res.schema.get("createOnlyProperties", []) if p.count("/") == 2}
    w(f"// Properties of {res.class_name} ({res.type_name}); unset fields are not rendered.\n")
    w(f"struct {res.props_name} {{\n")
    for prop, field, ctype, ps in res.fields:
        flags = []
        if prop in required:
            flags.append("required")
        if prop in create_only:
            flags.append("a change replaces the resource")
        doc = f"{prop}{' (' + '; '.join(flags) + ')' if flags else ''}. {constraint_doc(res, ps)}".strip()
        w(comment(doc, "  "))
        w(f"  cfn::Optional<{qualify(res, ctype)}> {field};\n")
    w("};\n\n")

    w(f"// A {res.type_name} resource (L1), generated from its provider schema.\n")
    w(f"class {res.class_name} : public CfnResource {{\n public:\n")
    w(f"  static constexpr std::string_view kCfnType = {cpp_str(res.type_name)};\n")
    w(f"  using Props = {res.props_name};\n")
    for name in res.struct_order:
        w(f"  using {name} = {res.sub_ns}::{name};\n")
    w(f"\n  {res.class_name}(Construct& scope, std::string id, {res.props_name} props = {{}});\n\n")
    w("  // The typed properties; L2 constructs may change them until synthesis.\n")
    w(f"  {res.props_name}& props() {{ return props_; }}\n")
    w(f"  const {res.props_name}& props() const {{ return props_; }}\n\n")
    w("  // The properties as CloudFormation names them, sorted by name (as aws-cdk-lib renders them).\n")
    w("  ValueMap properties() const override;\n")
    w("  // Checks the rendered properties against the schema's rules.\n")
    w("  void validate(std::vector<std::string>& errors) const override;\n")
    if res.tag_format != "None":
        w(f"  // Moves literal tags of props().{snake(res.tag_property)} into the resource's own tags, so\n"
          "  // that tags applied to scopes merge with them.\n")
        w("  void prepare() override;\n")
    attrs = res.attributes()
    if attrs:
        w("\n  // Attributes (Fn::GetAtt).\n")
    for att, fn in attrs:
        w(f"  Value {fn}() const {{ return get_att({cpp_str(att)}); }}\n")
    w(f"\n private:\n  {res.props_name} props_;\n}};\n\n")
    w(f"}}  // namespace {res.ns}\n")
    return "".join(out)


def qualify(res, ctype, full=False):
    """Property structs live in the resource's sub-namespace."""
    prefix = f"{res.ns}::{res.sub_ns}" if full else res.sub_ns
    for name in res.struct_order:
        ctype = re.sub(rf"\b(?<!::){name}\b", f"{prefix}::{name}", ctype)
    return ctype


def emit_source(res: Resource, tables: Tables):
    out = []
    w = out.append
    w(header_line(res))
    w(f'#include "opsynth/cfn/{res.service}/{res.res_snake}.hpp"\n\n')
    w("#include <cstdint>\n#include <string_view>\n#include <utility>\n\n")
    w('#include "opsynth/cfn/schema.hpp"\n\n')
    w("// Rule tables name only the fields that differ from a Node's defaults.\n"
      "#pragma GCC diagnostic ignored \"-Wmissing-field-initializers\"\n\n")
    var = table_var(res)
    w("namespace opsynth::cfn::tables {\n")
    w(f"extern const schema::Table {var};\n")
    w(tables.emit(var))
    w("}  // namespace opsynth::cfn::tables\n\n")
    w(f"namespace {res.ns} {{\n\n")
    for name in res.struct_order:
        st = res.structs[name]
        w(f"Value {res.sub_ns}::{name}::to_value() const {{\n  ValueMap m;\n")
        if st["fields"]:
            w(f"  m.reserve({len(st['fields'])});\n")
        for prop, field, _, _ in st["fields"]:
            w(f"  cfn::detail::put(m, {cpp_str(prop)}, {field});\n")
        w("  return Value::object(std::move(m));\n}\n\n")
    w(f"{res.class_name}::{res.class_name}(Construct& scope, std::string id, {res.props_name} props)\n"
      f"    : CfnResource(scope, std::move(id), std::string(kCfnType)), props_(std::move(props)) {{}}\n\n")
    w(f"ValueMap {res.class_name}::properties() const {{\n  ValueMap m;\n")
    if res.fields:
        w(f"  m.reserve({len(res.fields)});\n")
    for prop, field, _, _ in res.fields:
        if res.tag_format != "None" and prop == res.tag_property:
            w(f"  cfn::detail::put_tags(m, {cpp_str(prop)}, *this, props_.{field});\n")
        else:
            w(f"  cfn::detail::put(m, {cpp_str(prop)}, props_.{field});\n")
    w("  return cfn::detail::merge_properties(std::move(m), CfnResource::properties());\n}\n\n")
    w(f"void {res.class_name}::validate(std::vector<std::string>& errors) const {{\n"
      f"  CfnResource::validate(errors);\n")
    if res.tag_format != "None":
        w(f"  cfn::detail::check_tags({cpp_str(res.tag_property)}, *this, props_.{snake(res.tag_property)}, errors);\n")
    w(f"  validate_properties(tables::{var}, synthesized_properties(), errors);\n}}\n")
    if res.tag_format != "None":
        field = snake(res.tag_property)
        w(f"\nvoid {res.class_name}::prepare() {{\n  CfnResource::prepare();\n"
          f"  if (cfn::detail::take_tags(*this, props_.{field})) props_.{field}.reset();\n}}\n")
    w(f"\n}}  // namespace {res.ns}\n")
    return "".join(out)


def emit_registry(resources):
    out = []
    w = out.append
    w(f"// generated by {GEN} from spec/schemas/*.json; do not edit.\n")
    w('#include "opsynth/cfn/registry.hpp"\n\n#include <algorithm>\n\n')
    w("namespace opsynth::cfn {\nnamespace tables {\n")
    for r in resources:
        w(f"extern const schema::Table {table_var(r)};\n")
    w("}  // namespace tables\n\nnamespace {\n")
    entries = []
    for i, r in enumerate(resources):
        s = r.schema
        lists = {}
        for key, name in (("createOnlyProperties", "co"), ("conditionalCreateOnlyProperties", "cco"),
                          ("readOnlyProperties", "ro"), ("primaryIdentifier", "pi"), ("writeOnlyProperties", "wo")):
            vals = s.get(key, [])
            var = f"k{name}{i}"
            if vals:
                w(f"constexpr std::string_view {var}[] = {{{', '.join(cpp_str(v) for v in vals)}}};\n")
                lists[name] = f"std::span<const std::string_view>({var})"
            else:
                lists[name] = "{}"
        entries.append(f"    {{{cpp_str(r.type_name)}, {lists['co']}, {lists['cco']}, {lists['ro']}, {lists['pi']}, "
                       f"{lists['wo']}, {'true' if r.taggable else 'false'}, {cpp_str(r.tag_property)}, "
                       f"&tables::{table_var(r)}}},\n")
    w("const ResourceSchemaInfo kInfos[] = {\n" + "".join(entries) + "};\n}  // namespace\n\n")
    w("const ResourceSchemaInfo* find_schema_info(std::string_view type) {\n"
      "  auto it = std::lower_bound(std::begin(kInfos), std::end(kInfos), type,\n"
      "                             [](const ResourceSchemaInfo& i, std::string_view t) { return i.type_name < t; });\n"
      "  return it != std::end(kInfos) && it->type_name == type ? &*it : nullptr;\n}\n\n"
      "std::span<const ResourceSchemaInfo> all_schema_infos() { return kInfos; }\n\n"
      "}  // namespace opsynth::cfn\n")
    return "".join(out)


def emit_umbrella(resources):
    lines = [f"// generated by {GEN}; do not edit. Every generated L1 class.\n#pragma once\n\n"]
    for r in resources:
        lines.append(f'#include "opsynth/cfn/{r.service}/{r.res_snake}.hpp"\n')
    return "".join(lines)


# ----------------------------------------------------------------------------- test app

class Sampler:
    """Builds a valid value for a schema (its required parts only), as JSON and as C++."""

    def __init__(self, res: Resource, samples):
        self.res = res
        self.samples = samples

    def value(self, s, path):
        key = f"{self.res.type_name}{path}"
        if key in self.samples:
            return copy.deepcopy(self.samples[key])
        r = self.res.resolve(s)
        if not isinstance(r, dict):
            return "x"
        if "oneOf" in r or "anyOf" in r:
            branches = r.get("oneOf") or r.get("anyOf")
            base = {k: v for k, v in r.items() if k not in ("oneOf", "anyOf")}
            b = branches[0]
            b = dict(self.res.resolve(b), **{k: v for k, v in b.items() if k != "$ref"}) if "$ref" in b else b
            merged = dict(base)
            for k, v in b.items():
                if k == "required":
                    merged["required"] = sorted(set(merged.get("required", [])) | set(v))
                else:
                    merged[k] = v
            r = merged
        if "enum" in r:
            return r["enum"][0]
        if "const" in r:
            return r["const"]
        t = r.get("type")
        if isinstance(t, list):
            t = t[0]
        if t is None:
            t = "object" if "properties" in r else ("array" if "items" in r else "string")
        if t == "string":
            n = max(r.get("minLength", 1), 1)
            return ("example" * (n // 7 + 1))[:max(n, min(7, r.get("maxLength", 7)))]
        if t in ("integer", "number"):
            lo = r.get("minimum", 1)
            return int(max(lo, 1)) if r.get("maximum", 10 ** 9) >= 1 else r.get("maximum")
        if t == "boolean":
            return True
        if t == "array":
            n = max(r.get("minItems", 1), 1)
            return [self.value(r.get("items", {}), f"{path}/*") for _ in range(n)]
        if t == "object":
            out = {}
            required = set(r.get("required", []))
            for key in ("requiredXor", "requiredOr"):
                if r.get(key) and not required & set(r[key]):
                    # Prefer the alternative spec/samples.json gives a value for.
                    given = [p for p in r[key] if f"{self.res.type_name}{path}/{p}" in self.samples]
                    required.add((given or r[key])[0])
            for p in sorted(required):
                out[p] = self.value(r.get("properties", {}).get(p, {}), f"{path}/{p}")
            return out
        return "x"

    def template_properties(self):
        s = self.res.schema
        merged = dict(s)
        merged["properties"] = self.res.props
        out = self.value(merged, "")
        # Top-level samples are always given (some types need more than their schema requires).
        for key, v in self.samples.items():
            prop = key[len(self.res.type_name) + 1:] if key.startswith(self.res.type_name + "/") else None
            if prop and "/" not in prop and prop not in out and prop in self.res.props:
                out[prop] = copy.deepcopy(v)
        return dict(sorted(out.items()))

    def cpp(self, ctype, value):
        """A C++ expression of type `ctype` (a cfn:: wrapper) holding `value`."""
        q = lambda t: qualify(self.res, t, full=True)
        if ctype == "cfn::String":
            return f"cfn::String({cpp_str(value if isinstance(value, str) else json.dumps(value))})"
        if ctype == "cfn::Number":
            return f"cfn::Number({value!r})"
        if ctype == "cfn::Boolean":
            return f"cfn::Boolean({'true' if value else 'false'})"
        if ctype.startswith("cfn::List<") and isinstance(value, list):
            inner = ctype[len("cfn::List<"):-1]
            return f"{q(ctype)}{{{', '.join(self.cpp(inner, v) for v in value)}}}"
        if ctype.startswith("cfn::Map<") and isinstance(value, dict):
            inner = ctype[len("cfn::Map<"):-1]
            return f"{q(ctype)}{{{', '.join('{' + cpp_str(k) + ', ' + self.cpp(inner, v) + '}' for k, v in value.items())}}}"
        if ctype == "cfn::Object<cfn::CfnTag>" and isinstance(value, dict):
            return f"cfn::CfnTag{{{cpp_str(value.get('Key', ''))}, {cpp_str(value.get('Value', ''))}}}"
        if ctype.startswith("cfn::Object<") and isinstance(value, dict):
            name = ctype[len("cfn::Object<"):-1]
            st = self.res.structs[name]
            inits = [f".{field} = {self.cpp(ft, value[prop])}" for prop, field, ft, _ in st["fields"] if prop in value]
            return f"{self.res.ns}::{self.res.sub_ns}::{name}{{{', '.join(inits)}}}"
        return f"cfn::Json(opsynth::Json::parse(R\"json({json.dumps(value)})json\"))"

    def props_expr(self, values):
        inits = [f".{field} = {self.cpp(ft, values[prop])}" for prop, field, ft, _ in self.res.fields if prop in values]
        return f"{self.res.ns}::{self.res.props_name}{{{', '.join(inits)}}}"


def emit_test_app(resources, samples):
    out = [f"// generated by {GEN} (--test-app); do not edit.\n"
           "// Synthesizes one resource of every vendored type, filled from the schema's required properties,\n"
           "// and writes the template to argv[1] (tests/integration/l1_every_type_cfn_lint.sh lints it).\n"
           "#include <cstdio>\n#include <fstream>\n#include <iostream>\n\n"
           '#include "opsynth/cfn/all.hpp"\n#include "opsynth/core/app.hpp"\n#include "opsynth/core/stack.hpp"\n'
           '#include "opsynth/core/synth.hpp"\n\nusing namespace opsynth;\n\n'
           "int main(int argc, char** argv) {\n  App app;\n"
           "  auto& stack = app.add<Stack>(\"EveryTypeStack\", StackProps{.env = {\"123456789012\", \"eu-west-2\"}});\n"]
    for r in resources:
        smp = Sampler(r, samples)
        values = smp.template_properties()
        out.append(f"  stack.add<{r.ns}::{r.class_name}>({cpp_str(r.class_name)}, {smp.props_expr(values)});\n")
    out.append("  auto result = synthesize(app);\n"
               "  for (const auto& e : result.errors()) std::cerr << e << '\\n';\n"
               "  if (!result.ok()) return 1;\n"
               "  const auto* artifact = result.assembly.find(\"EveryTypeStack\");\n"
               "  if (!artifact) return 1;\n"
               "  std::ofstream f(argc > 1 ? argv[1] : \"every_type.template.json\");\n"
               "  f << artifact->template_text;\n"
               "  return f ? 0 : 1;\n}\n")
    return "".join(out)


# ----------------------------------------------------------------------------- main

def write_if_changed(path: pathlib.Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_text() == text:
        return
    path.write_text(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", help="output root: include/ and src/ are written below it")
    ap.add_argument("--test-app", help="also write the every-type test program here")
    ap.add_argument("--sample-template", help="write the every-type template as JSON (to try it with cfn-lint)")
    ap.add_argument("--list", action="store_true", help="print the .cpp files that would be generated")
    args = ap.parse_args()

    files = sorted((SPEC / "schemas").glob("*.json"))
    if args.list:
        # Used by CMake at configure time: one source per schema + the registry.
        names = []
        for f in files:
            t = json.loads(f.read_text())["typeName"]
            _, service, res = t.split("::")
            names.append(f"src/cfn/{snake(service).replace('_', '')}/{snake(res)}.cpp")
        print(";".join(names + ["src/cfn/registry.cpp"]))
        return
    resources = [Resource(f) for f in files]
    resources.sort(key=lambda r: r.type_name)
    for r in resources:
        r.build_types()
    out = pathlib.Path(args.out) if args.out else None
    if out:
        for r in resources:
            t = Tables(r)
            t.node(r.schema)
            write_if_changed(out / "include/opsynth/cfn" / r.service / f"{r.res_snake}.hpp", emit_header(r))
            write_if_changed(out / "src/cfn" / r.service / f"{r.res_snake}.cpp", emit_source(r, t))
        write_if_changed(out / "src/cfn/registry.cpp", emit_registry(resources))
        write_if_changed(out / "include/opsynth/cfn/all.hpp", emit_umbrella(resources))
    if args.sample_template:
        samples = json.loads((SPEC / "samples.json").read_text()) if (SPEC / "samples.json").exists() else {}
        tpl = {"Resources": {}}
        for r in resources:
            props = Sampler(r, samples).template_properties()
            tpl["Resources"][r.class_name] = {"Type": r.type_name, "Properties": props}
        pathlib.Path(args.sample_template).write_text(json.dumps(tpl, indent=1))
    if args.test_app:
        samples = json.loads((SPEC / "samples.json").read_text()) if (SPEC / "samples.json").exists() else {}
        samples = {k: v for k, v in samples.items() if not k.startswith("//")}
        write_if_changed(pathlib.Path(args.test_app), emit_test_app(resources, samples))


if __name__ == "__main__":
    sys.exit(main())
