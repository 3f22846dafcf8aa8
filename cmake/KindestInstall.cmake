# An installable CMake package: find_package(kindest) gives kindest::engine and
# kindest::strategies, the same targets the CLI, tests and benchmarks link.
include(GNUInstallDirs)
set_target_properties(kindest_engine PROPERTIES EXPORT_NAME engine)
set_target_properties(kindest_strategies PROPERTIES EXPORT_NAME strategies)
set_target_properties(kindest_flags PROPERTIES EXPORT_NAME flags)
include(CMakePackageConfigHelpers)
install(TARGETS kindest_engine kindest_strategies kindest_flags kindest
        EXPORT kindestTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kindest)
install(DIRECTORY engine/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kindest/engine
        FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY strategies/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kindest/strategies
        FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/generated/engine/core/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/kindest/engine/core)
install(EXPORT kindestTargets NAMESPACE kindest:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kindest)
configure_package_config_file(cmake/kindestConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/kindestConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kindest)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kindestConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kindestConfig.cmake ${PROJECT_BINARY_DIR}/kindestConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kindest)
