// The console pack (see CMakeLists.txt and pack_console.mjs) as read-only bytes.
// SHANHAI_CONSOLE_PACK is the quoted path of the pack; it may be empty.
    .section .rodata.shanhai_console, "a"
    .balign 16
    .global shanhai_console_pack_begin
    .hidden shanhai_console_pack_begin
    .type shanhai_console_pack_begin, @object
shanhai_console_pack_begin:
    .incbin SHANHAI_CONSOLE_PACK
    .global shanhai_console_pack_end
    .hidden shanhai_console_pack_end
shanhai_console_pack_end:
    .byte 0
    .size shanhai_console_pack_begin, . - shanhai_console_pack_begin
    .section .note.GNU-stack, "", @progbits
