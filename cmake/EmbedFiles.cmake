# embed_files(target dir): every file in `dir` becomes a std::string_view in the
# generated header <opsynth_embedded/NAME.hpp> (dots and dashes in NAME -> '_'), so
# data kept as real files (canary scripts) is compiled in and never read at run time.
function(embed_files target dir)
  file(GLOB files CONFIGURE_DEPENDS ${dir}/*)
  set(outdir ${CMAKE_BINARY_DIR}/embedded/opsynth_embedded)
  foreach(f ${files})
    get_filename_component(name ${f} NAME)
    string(MAKE_C_IDENTIFIER ${name} ident)
    set(out ${outdir}/${ident}.hpp)
    add_custom_command(OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -DIN=${f} -DOUT=${out} -DIDENT=${ident} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedOne.cmake
      DEPENDS ${f} ${PROJECT_SOURCE_DIR}/cmake/EmbedOne.cmake VERBATIM)
    list(APPEND outs ${out})
  endforeach()
  add_custom_target(${target}_embedded DEPENDS ${outs})
  add_dependencies(${target} ${target}_embedded)
  target_include_directories(${target} PUBLIC ${CMAKE_BINARY_DIR}/embedded)
endfunction()
