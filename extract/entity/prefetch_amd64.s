//go:build !purego

#include "textflag.h"

// func prefetchSlots(slots *featSlot, shift uint, ks []uint64)
TEXT ·prefetchSlots(SB), NOSPLIT, $0-40
	MOVQ slots+0(FP), DI
	MOVQ shift+8(FP), CX
	MOVQ ks_base+16(FP), SI
	MOVQ ks_len+24(FP), DX
	MOVQ $0x9e3779b97f4a7c15, R8 // mulSlot
	TESTQ DX, DX
	JZ   done

loop:
	MOVQ  (SI), AX
	IMULQ R8, AX
	SHRQ  CX, AX
	SHLQ  $6, AX // 64 bytes a slot
	PREFETCHT0 (DI)(AX*1)
	ADDQ  $8, SI
	DECQ  DX
	JNZ   loop

done:
	RET
