// `delibex schema`: the record's JSON Schema (schema/record.schema.json,
// embedded at build time by cmake/embed_schema.cmake).
#include <cstdio>

#include "cli/commands.h"

namespace delibex {
extern const unsigned char kRecordSchema[];  // generated
extern const unsigned long kRecordSchemaSize;
}  // namespace delibex

namespace delibex::cli {
namespace {

void Add(CLI::App& app, int* status) {
  CLI::App* sub = AddSubcommand(
      app, "schema", "Prints the JSON Schema of the records (schema/record.schema.json)");
  sub->callback([status] {
    std::fwrite(kRecordSchema, 1, kRecordSchemaSize, stdout);
    *status = std::fflush(stdout) == 0 ? 0 : 1;
  });
}

}  // namespace

const Command kSchemaCommand = {
    "schema", "  delibex schema                       the records' JSON Schema, on stdout\n", false,
    Add};

}  // namespace delibex::cli
