# Writes OUT, a C++ source that holds SCHEMA (schema/record.schema.json) as a
# byte array, for `delibex schema`.
# Run as: cmake -DSCHEMA=... -DOUT=... -P embed_schema.cmake
file(READ "${SCHEMA}" hex HEX)
file(SIZE "${SCHEMA}" size)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){24})" "\\1\n    " bytes "${bytes}")
set(body "// Generated from schema/record.schema.json by cmake/embed_schema.cmake. Do not edit.\n")
string(APPEND body "namespace delibex {\n\nextern const unsigned char kRecordSchema[];\n")
string(APPEND body "extern const unsigned long kRecordSchemaSize;\n")
string(APPEND body "const unsigned char kRecordSchema[] = {\n    ${bytes}0};\n")
string(APPEND body "const unsigned long kRecordSchemaSize = ${size};\n\n}  // namespace delibex\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
  if(old STREQUAL body)
    return()
  endif()
endif()
file(WRITE "${OUT}" "${body}")
