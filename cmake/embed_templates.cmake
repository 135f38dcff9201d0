# Writes OUT, a C++ source that holds every templates/* file (the review
# page's HTML, CSS and JavaScript) as a string, for
# delibex::internal::BuiltinTemplate (review/review.h).
# Run as: cmake -DTEMPLATE_DIR=... -DOUT=... -P embed_templates.cmake
file(GLOB files RELATIVE "${TEMPLATE_DIR}" "${TEMPLATE_DIR}/*.html" "${TEMPLATE_DIR}/*.css"
     "${TEMPLATE_DIR}/*.js")
list(SORT files)
set(body "// Generated from templates/ by cmake/embed_templates.cmake. Do not edit.\n")
string(APPEND body "#include \"review/review.h\"\n\nnamespace delibex::internal {\n\n")
string(APPEND body "std::string_view BuiltinTemplate(std::string_view name) {\n")
foreach(f IN LISTS files)
  file(READ "${TEMPLATE_DIR}/${f}" text)
  string(FIND "${text}" ")tmpl\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "templates/${f} contains the sequence )tmpl\" which ends the embedding")
  endif()
  # A raw string literal may be at most 65535 bytes for some compilers; GCC
  # has no such limit, and these files are a few KB.
  string(APPEND body "  if (name == \"${f}\") return R\"tmpl(${text})tmpl\";\n")
endforeach()
string(APPEND body "  return {};\n}\n\n}  // namespace delibex::internal\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
  if(old STREQUAL body)
    return()
  endif()
endif()
file(WRITE "${OUT}" "${body}")
