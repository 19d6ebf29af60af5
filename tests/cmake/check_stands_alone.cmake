# SPDX-License-Identifier: MIT
# Fails if any tracked file reads or names the reference shelf that sat beside the repository
# during development (the project must build, test and read with nothing beside it).
#   cmake -DROOT=<source dir> -P check_stands_alone.cmake
cmake_minimum_required(VERSION 3.20)
file(GLOB_RECURSE _files RELATIVE ${ROOT} ${ROOT}/*)
set(_bad "")
string(CONCAT _needle "\\.\\./" "shared" "|" "shared/" "(data|docs)/")
foreach(f ${_files})
  if(f MATCHES "^(build|out|tmp)[^/]*/|^\\.git/|\\.(h5|gz|xlsx|png)$")
    continue()
  endif()
  file(READ ${ROOT}/${f} _text)
  if(_text MATCHES "${_needle}")
    string(APPEND _bad "  ${f}\n")
  endif()
endforeach()
if(_bad)
  message(FATAL_ERROR "files that name the reference shelf outside the repository:\n${_bad}")
endif()
