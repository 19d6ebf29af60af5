# Warning flags for our own targets only (third-party headers are SYSTEM includes).
function(irio_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Woverloaded-virtual -Wimplicit-fallthrough)
  if(IRIO_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
