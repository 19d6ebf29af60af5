# Finds SuiteSparse's UMFPACK and KLU. Debian 12 (SuiteSparse 5.12) ships neither a CMake config
# nor a pkg-config file, so look for headers and libraries directly; newer SuiteSparse (7.x)
# installs CONFIG packages, tried first. Defines SuiteSparse::UMFPACK and SuiteSparse::KLU.
find_package(UMFPACK CONFIG QUIET)
find_package(KLU CONFIG QUIET)
if(TARGET SuiteSparse::UMFPACK AND TARGET SuiteSparse::KLU)
  set(SuiteSparse_FOUND TRUE)
  return()
endif()
find_path(SuiteSparse_INCLUDE_DIR umfpack.h PATH_SUFFIXES suitesparse)
foreach(lib umfpack klu amd colamd camd ccolamd btf cholmod suitesparseconfig)
  find_library(SuiteSparse_${lib}_LIBRARY ${lib})
endforeach()
if(SuiteSparse_INCLUDE_DIR AND EXISTS "${SuiteSparse_INCLUDE_DIR}/SuiteSparse_config.h")
  file(STRINGS "${SuiteSparse_INCLUDE_DIR}/SuiteSparse_config.h" _v REGEX "define SUITESPARSE_(MAIN|SUB)_VERSION")
  string(REGEX REPLACE ".*MAIN_VERSION +([0-9]+).*" "\\1" _maj "${_v}")
  string(REGEX REPLACE ".*SUB_VERSION +([0-9]+).*" "\\1" _min "${_v}")
  set(SuiteSparse_VERSION "${_maj}.${_min}")
endif()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SuiteSparse
  REQUIRED_VARS SuiteSparse_INCLUDE_DIR SuiteSparse_umfpack_LIBRARY SuiteSparse_klu_LIBRARY
                SuiteSparse_amd_LIBRARY SuiteSparse_colamd_LIBRARY SuiteSparse_btf_LIBRARY
                SuiteSparse_suitesparseconfig_LIBRARY
  VERSION_VAR SuiteSparse_VERSION)
if(SuiteSparse_FOUND)
  add_library(SuiteSparse::config UNKNOWN IMPORTED)
  set_target_properties(SuiteSparse::config PROPERTIES IMPORTED_LOCATION "${SuiteSparse_suitesparseconfig_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SuiteSparse_INCLUDE_DIR}")
  add_library(SuiteSparse::UMFPACK UNKNOWN IMPORTED)
  set_target_properties(SuiteSparse::UMFPACK PROPERTIES IMPORTED_LOCATION "${SuiteSparse_umfpack_LIBRARY}"
    INTERFACE_LINK_LIBRARIES "${SuiteSparse_amd_LIBRARY};${SuiteSparse_cholmod_LIBRARY};SuiteSparse::config")
  add_library(SuiteSparse::KLU UNKNOWN IMPORTED)
  set_target_properties(SuiteSparse::KLU PROPERTIES IMPORTED_LOCATION "${SuiteSparse_klu_LIBRARY}"
    INTERFACE_LINK_LIBRARIES "${SuiteSparse_btf_LIBRARY};${SuiteSparse_amd_LIBRARY};${SuiteSparse_colamd_LIBRARY};SuiteSparse::config")
endif()
