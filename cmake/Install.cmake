# Installs the library with an exported CMake package: find_package(opsynth) gives
# opsynth::opsynth.
include(CMakePackageConfigHelpers)

install(TARGETS opsynth EXPORT opsynthTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/opsynth DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${OPSYNTH_L1_INCLUDE_DIR}/opsynth DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} OPTIONAL)
install(TARGETS opsynth_bin RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT opsynthTargets NAMESPACE opsynth:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/opsynth)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/opsynthConfig.cmake.in
  ${PROJECT_BINARY_DIR}/opsynthConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/opsynth)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/opsynthConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/opsynthConfig.cmake ${PROJECT_BINARY_DIR}/opsynthConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/opsynth)
