# SPDX-License-Identifier: MIT
# The installed package: the `irio` executable, the shared library irio::irio (tables, io, solver,
# value chains and the analysis facade; not validation), its public headers under include/irio/
# (internal/ folders excluded), the shipped data under share/irio/, and irioConfig.cmake so that
#   find_package(irio REQUIRED)
#   target_link_libraries(app PRIVATE irio::irio)
# works in another project.
include(CMakePackageConfigHelpers)

set(_irio_objects)
foreach(m irio_tables irio_io irio_solver irio_gvc irio_analysis)
  get_target_property(_type ${m} TYPE)
  if(NOT _type STREQUAL "INTERFACE_LIBRARY")
    list(APPEND _irio_objects $<TARGET_OBJECTS:${m}>)
  endif()
endforeach()
add_library(irio_shared SHARED ${_irio_objects})
set_target_properties(irio_shared PROPERTIES OUTPUT_NAME irio EXPORT_NAME irio
                      VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR})
target_include_directories(irio_shared PUBLIC $<BUILD_INTERFACE:${IRIO_INCLUDE_TREE}>
                           $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_compile_definitions(irio_shared PUBLIC EIGEN_MPL2_ONLY)
target_link_libraries(irio_shared PUBLIC Eigen3::Eigen
                      PRIVATE ${IRIO_IO_PRIVATE_DEPS} ${IRIO_SOLVER_PRIVATE_DEPS})
irio_set_sanitizers(irio_shared)
add_library(irio::irio ALIAS irio_shared)

install(TARGETS irio_shared EXPORT irioTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET irio)
  install(TARGETS irio RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
foreach(m tables io solver analysis)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${m})
    install(DIRECTORY ${m}/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/irio/${m}
            FILES_MATCHING PATTERN "*.h" PATTERN "internal" EXCLUDE PATTERN "data" EXCLUDE
            PATTERN "groupings" EXCLUDE
            # not API: the report application and the process-group / batch runtime (analysis/)
            PATTERN "report" EXCLUDE PATTERN "runtime" EXCLUDE)
  endif()
endforeach()
install(FILES ${IRIO_INCLUDE_TREE}/irio/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/irio)
install(DIRECTORY ${PROJECT_BINARY_DIR}/share/irio/ DESTINATION ${CMAKE_INSTALL_DATADIR}/irio)

install(EXPORT irioTargets NAMESPACE irio:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/irio)
configure_package_config_file(cmake/irioConfig.cmake.in ${PROJECT_BINARY_DIR}/irioConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/irio)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/irioConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/irioConfig.cmake ${PROJECT_BINARY_DIR}/irioConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/irio)
